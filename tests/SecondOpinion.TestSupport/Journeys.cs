using System.Text.RegularExpressions;

namespace SecondOpinion.TestSupport;

/// <summary>The common first steps of many tests, done through the real pages.</summary>
public static partial class Journeys
{
    public const string Password = "blue kettle sunny garden";

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.com";

    public static async Task<HtmlPage> SignUpAsync(this AppClient client, string? email = null, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync("/account/register", cancellationToken);
        return await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = email ?? NewEmail(),
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }, cancellationToken: cancellationToken);
    }

    public static async Task<HtmlPage> SignInAsync(this AppClient client, string email, string password = Password, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync("/account/sign-in", cancellationToken);
        return await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Starts a plan and returns its home page; the plan's address is <c>page.Url</c>.</summary>
    public static async Task<HtmlPage> StartPlanAsync(
        this AppClient client, string? patientName = null, string? about = null, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync("/plans/new", cancellationToken);
        return await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.For"] = patientName is null ? "Myself" : "SomeoneIHelp",
            ["Input.PatientName"] = patientName,
            ["Input.About"] = about,
        }, cancellationToken: cancellationToken);
    }

    /// <summary>A new account with one plan: the quickest way to reach a plan's pages.</summary>
    public static async Task<(AppClient Client, string PlanUrl)> SignedUpWithPlanAsync(
        this TestApp app, string? patientName = null, string? about = null, CancellationToken cancellationToken = default)
    {
        var client = new AppClient(app);
        await client.SignUpAsync(cancellationToken: cancellationToken);
        var home = await client.StartPlanAsync(patientName, about, cancellationToken);
        return (client, PlanPath(home.Url));
    }

    /// <summary>"/plans/{id}" from any address inside a plan.</summary>
    public static string PlanPath(Uri url) => PlanPathPattern().Match(url.AbsolutePath) is { Success: true } match
        ? match.Value
        : throw new InvalidOperationException($"{url} is not inside a plan.");

    [GeneratedRegex("^/plans/[0-9a-f-]{36}")]
    private static partial Regex PlanPathPattern();
}
