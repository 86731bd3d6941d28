using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

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
        var planId = PlanId(plan);
        return await db.Doctors.Where(d => d.PlanId == planId && d.Name == name).Select(d => d.Id).SingleAsync(cancellationToken);
    }

    /// <summary>Gives an existing account a place on a plan, as sharing will once it is built.</summary>
    public static async Task AddMemberAsync(this TestApp app, string plan, string email, PlanRole role, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(cancellationToken);
        db.PlanMembers.Add(new PlanMember { PlanId = PlanId(plan), UserId = userId, Role = role, JoinedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A signed-in account with the given role on the plan; with no role, a stranger to it.</summary>
    public static async Task<AppClient> OtherPersonAsync(this TestApp app, string plan, PlanRole? role, CancellationToken cancellationToken = default)
    {
        var email = Journeys.NewEmail();
        var client = new AppClient(app);
        await client.SignUpAsync(email, cancellationToken);
        if (role is { } given)
        {
            await app.AddMemberAsync(plan, email, given, cancellationToken);
        }

        return client;
    }

    /// <summary>A valid antiforgery token for this client, taken from one of its own forms, for posts made by hand.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this AppClient client, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync("/plans/new", cancellationToken);
        return form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>Reads from the app's database, for checks the pages do not show.</summary>
    public static async Task<T> ReadAsync<T>(this TestApp app, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A date in the plan's default time zone (Eastern), counted from today, as a date field holds it.</summary>
    public static string PlanDay(this TestApp app, int daysFromToday = 0) =>
        PlanTime.Today(app.Clock.GetUtcNow().UtcDateTime, Plan.DefaultTimeZoneId).AddDays(daysFromToday)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Guid PlanId(string plan) => Guid.Parse(plan["/plans/".Length..]);
}
