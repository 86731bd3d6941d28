using System.Text.RegularExpressions;

namespace SecondOpinion.TestSupport;

/// <summary>The common first steps of many tests, done through the real pages.</summary>
public static partial class Journeys
{
    public const string Password = "blue kettle sunny garden";

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.com";

    /// <summary>
    /// Makes an account ready to use: signs up, then opens the emailed link that confirms the
    /// email and signs in. Returns the page the link ends on ("/plans/new", or the return address).
    /// </summary>
    public static async Task<HtmlPage> SignUpAsync(this AppClient client, string? email = null, CancellationToken cancellationToken = default)
    {
        email ??= NewEmail();
        var sent = await client.SubmitSignUpAsync(email, cancellationToken);
        if (sent.Heading != "Check your email")
        {
            throw new InvalidOperationException($"Sign-up was refused: {sent.ErrorSummary}");
        }

        var app = client.App ?? throw new InvalidOperationException("Signing up reads the confirmation email from a TestApp in this process.");
        return await client.ConfirmEmailAsync(app.LinkInNewestEmailTo(email, "/account/confirm-email"), cancellationToken);
    }

    /// <summary>A ready account made by a client that is then closed: its email, signed in nowhere.</summary>
    public static async Task<string> AccountAsync(this TestApp app, CancellationToken cancellationToken = default)
    {
        var email = NewEmail();
        using var client = new AppClient(app);
        await client.SignUpAsync(email, cancellationToken);
        return email;
    }

    /// <summary>Only sends the sign-up form; the account's email is not confirmed and no one is signed in.</summary>
    public static async Task<HtmlPage> SubmitSignUpAsync(this AppClient client, string email, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync("/account/register", cancellationToken);
        return await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Opens an emailed confirmation link and presses its button.</summary>
    public static async Task<HtmlPage> ConfirmEmailAsync(this AppClient client, string link, CancellationToken cancellationToken = default)
    {
        var page = await client.GetAsync(new Uri(link).PathAndQuery, cancellationToken);
        return await client.SubmitAsync(page, new Dictionary<string, string?>(), cancellationToken: cancellationToken);
    }

    /// <summary>The link to <paramref name="path"/> in the newest email to this address that has one.</summary>
    public static string LinkInNewestEmailTo(this TestApp app, string email, string path)
    {
        var pattern = new Regex($@"http\S+{Regex.Escape(path)}\S*");
        return app.Emails()
                   .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase)))
                   .Select(m => pattern.Match(m.TextBody ?? "").Value)
                   .LastOrDefault(link => link.Length > 0)
               ?? throw new InvalidOperationException($"No email to {email} has a link to {path}.");
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
