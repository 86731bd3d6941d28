using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;

namespace SecondOpinion.TestSupport;

/// <summary>Shortcuts for the tools of steps 1, 2, 3 and 6, done through the real pages.</summary>
public static class StepToolJourneys
{
    /// <summary>Adds a doctor through the form and returns the doctors list it lands on.</summary>
    public static async Task<HtmlPage> AddDoctorAsync(
        this AppClient client, string plan, string name, string source = "SomeoneITrust", CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync($"{plan}/doctor", cancellationToken);
        return await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = name,
            ["Input.Source"] = source,
        }, cancellationToken: cancellationToken);
    }

    /// <summary>The id of the plan's doctor with this name.</summary>
    public static async Task<int> DoctorIdAsync(this TestApp app, string plan, string name, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planId = TestData.PlanId(plan);
        return await db.Doctors.Where(d => d.PlanId == planId && d.Name == name).Select(d => d.Id).SingleAsync(cancellationToken);
    }

    /// <summary>A date in the plan's default time zone (Eastern), counted from today, as a date field holds it.</summary>
    public static string PlanDay(this TestApp app, int daysFromToday = 0) =>
        RecordsJourneys.IsoDate(RecordsJourneys.Today(app).AddDays(daysFromToday));
}
