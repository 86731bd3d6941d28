using System.Globalization;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

public class StepToolPrivacyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nothing_typed_into_the_doctors_insurance_visit_or_opinion_tools_reaches_the_logs()
    {
        await using var app = new TestApp(minimumLogLevel: "Verbose");
        const string marker = "Quetzalbird";
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var list = await client.AddDoctorAsync(plan, $"Dr. {marker}", "MyDoctor", Token);
        var doctorId = await app.DoctorIdAsync(plan, $"Dr. {marker}", Token);
        await client.SubmitAsync(list, new Dictionary<string, string?>(), $"#doctor-{doctorId} form", Token);
        var call = await client.GetAsync($"{plan}/insurance/call", Token);
        await client.SubmitAsync(call, new Dictionary<string, string?> { ["Input.Company"] = $"{marker} Health", ["Input.Answers[0].Answer"] = "Yes", ["Input.Answers[0].Note"] = $"{marker} covered" }, cancellationToken: Token);
        var visit = await client.GetAsync($"{plan}/visit", Token);
        await client.SubmitAsync(visit, new Dictionary<string, string?>
        {
            ["Input.DoctorId"] = doctorId.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = app.PlanDay(3),
            ["Input.Time"] = "09:00",
            ["Input.Place"] = $"{marker} Clinic",
        }, "form[aria-labelledby=booking-heading]", Token);
        await client.Http.GetStringAsync($"{plan}/visit?handler=calendar", Token);
        var brief = await client.GetAsync($"{plan}/visit/brief", Token);
        await client.SubmitAsync(brief, new Dictionary<string, string?> { ["Input.Medicines"] = $"{marker}mycin" }, cancellationToken: Token);
        var opinion = await client.GetAsync($"{plan}/opinion", Token);
        await client.SubmitAsync(opinion, new Dictionary<string, string?> { ["Input.DoctorName"] = "Dr. Chen", ["Input.GivenOn"] = app.PlanDay(), ["Input.Diagnosis"] = $"{marker} syndrome" }, cancellationToken: Token);
        var opinions = await client.GetAsync($"{plan}/opinions", Token);
        await client.SubmitAsync(opinions, new Dictionary<string, string?> { ["Finish.Decision"] = $"Treat the {marker}" }, "form[aria-labelledby=finish-heading]", Token);
        // A stale form makes the app catch a concurrency failure; that must not log the values either.
        await client.SubmitAsync(opinions, new Dictionary<string, string?> { ["Finish.Decision"] = $"Stale {marker}" }, "form[aria-labelledby=finish-heading]", Token);

        Assert.Contains(app.Logs.Lines, line => line.Contains("HTTP \"POST\"", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }
}
