using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.TestSupport;

/// <summary>The common steps of the records request tests (step 4), done through the real pages where a person would.</summary>
public static class RecordsJourneys
{
    public const string PatientName = "Maria Lopez";
    public const string Holder = "Valley Family Practice";
    public const string Receiver = "Dr. Grace Okafor";

    /// <summary>Every field of a complete authorization, sent by fax to another doctor's office, ending on a date.</summary>
    public static Dictionary<string, string?> CompleteAuthorization(TestApp app) => new()
    {
        ["Input.Route"] = nameof(RecordsRoute.Authorization),
        ["Input.PatientName"] = PatientName,
        ["Input.PatientDateOfBirth"] = "1948-03-15",
        ["Input.HolderName"] = Holder,
        ["Input.HolderAddress"] = "12 Main Street\nSpringfield, IL 62701",
        ["Input.HolderPhone"] = "(217) 555-0100",
        ["Input.HolderFax"] = "217-555-0101",
        ["Input.Recipient"] = "other",
        ["Input.RecipientName"] = Receiver,
        ["Input.RecipientPractice"] = "University Heart Center",
        ["Input.RecipientAddress"] = "400 College Avenue, Chicago, IL 60601",
        ["Input.RecipientFax"] = "312-555-0199",
        ["Input.Records"] = nameof(RecordKinds.VisitNotes),
        ["Input.Dates"] = nameof(RecordDates.All),
        ["Input.Delivery"] = nameof(RecordsDelivery.Fax),
        ["Input.ExpiresOn"] = IsoDate(Today(app).AddYears(1)),
        ["Input.Signer"] = nameof(RecordsSigner.Patient),
    };

    public static DateOnly Today(TestApp app) => app.Clock.Today(Plan.DefaultTimeZoneId);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Fills the new-request form with <paramref name="values"/> and saves it; returns the request's page.</summary>
    public static async Task<HtmlPage> StartRecordsRequestAsync(
        this AppClient client, string planPath, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync($"{planPath}/records/new", cancellationToken);
        return await client.SubmitAsync(form, values, cancellationToken: cancellationToken);
    }

    /// <summary>Posts the form on a request's page whose handler is <paramref name="handler"/> (MakeReady, Signed, Sent...).</summary>
    public static Task<HtmlPage> SubmitHandlerAsync(
        this AppClient client, HtmlPage page, string handler, IReadOnlyDictionary<string, string?>? values = null, CancellationToken cancellationToken = default) =>
        client.SubmitAsync(page, values ?? new Dictionary<string, string?>(), $"main form[action*='handler={handler}']", cancellationToken);

    /// <summary>Takes a complete authorization through final, signed and sent (on <paramref name="sentOn"/>); returns the request's page.</summary>
    public static Task<HtmlPage> SendRecordsRequestAsync(
        this AppClient client, TestApp app, string planPath, DateOnly sentOn, CancellationToken cancellationToken = default) =>
        client.SendRecordsRequestAsync(app, planPath, sentOn, CompleteAuthorization(app), cancellationToken);

    /// <summary>Takes a request filled with <paramref name="values"/> through final, signed and sent (on <paramref name="sentOn"/>); returns the request's page.</summary>
    public static async Task<HtmlPage> SendRecordsRequestAsync(
        this AppClient client, TestApp app, string planPath, DateOnly sentOn, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        var draft = await client.StartRecordsRequestAsync(planPath, values, cancellationToken);
        var ready = await client.SubmitHandlerAsync(draft, "MakeReady", cancellationToken: cancellationToken);
        var signed = await client.SubmitHandlerAsync(ready, "Signed", new Dictionary<string, string?> { ["Change.On"] = IsoDate(sentOn) }, cancellationToken);
        return await client.SubmitHandlerAsync(signed, "Sent", new Dictionary<string, string?>
        {
            ["Change.On"] = IsoDate(sentOn),
            ["Change.By"] = nameof(RequestSentBy.Fax),
        }, cancellationToken);
    }

    /// <summary>
    /// Moves the app's clock on by whole days, a week at a time with a visit in between, so the
    /// sign-in cookie (14 days, sliding) stays fresh as it does for someone using the app.
    /// </summary>
    public static async Task PassDaysAsync(this AppClient client, TestApp app, int days, CancellationToken cancellationToken = default)
    {
        for (var left = days; left > 0; left -= 7)
        {
            app.Clock.Advance(TimeSpan.FromDays(Math.Min(7, left)));
            using var _ = await client.Http.GetAsync("/plans", cancellationToken);
        }
    }

    public static async Task<int> AddDoctorAsync(this TestApp app, string planPath, Doctor doctor, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        doctor.PlanId = TestData.PlanId(planPath);
        db.Doctors.Add(doctor);
        await db.SaveChangesAsync(cancellationToken);
        return doctor.Id;
    }

}
