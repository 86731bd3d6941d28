using System.Text.RegularExpressions;
using SecondOpinion.Web.Infrastructure.Commands;

namespace SecondOpinion.TestSupport;

/// <summary>Shortcuts for tests of clinics: the operator's command, joining the staff, making a start link and using it.</summary>
public static partial class ClinicJourneys
{
    public const string ClinicName = "Riverside Heart Clinic";

    /// <summary>Runs an operator command (as <c>dotnet SecondOpinion.Web.dll …</c> does) against the test app; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(this TestApp app, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await AppCommands.RunAsync(app.Services, args, output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    /// <summary>The clinic's id from the path of one of its pages ("/clinics/{id}/…").</summary>
    public static Guid ClinicId(string clinicPath) => Guid.Parse(ClinicPath().Match(clinicPath).Groups["id"].Value);

    /// <summary>The staff invite link in the newest email to this address that has one.</summary>
    public static string JoinLinkFor(this TestApp app, string email) => app.LinkInNewestEmailTo(email, "/clinics/join/");

    /// <summary>
    /// A clinic made with <c>clinics add</c>, and its first staff member signed up and joined
    /// through the emailed link. Returns the staff member's client and the clinic's home path.
    /// </summary>
    public static async Task<(AppClient Staff, string Clinic)> ClinicWithStaffAsync(this TestApp app, string name = ClinicName)
    {
        var email = Journeys.NewEmail();
        var (exitCode, output) = await app.RunCommandAsync("clinics", "add", name, email);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"clinics add failed: {output}");
        }

        var staff = new AppClient(app);
        await staff.SignUpAsync(email);
        var home = await staff.JoinAsync(app.JoinLinkFor(email));
        return (staff, home.Url.AbsolutePath);
    }

    /// <summary>Opens a staff invite link and accepts it; returns the page after (the clinic's home when it worked).</summary>
    public static async Task<HtmlPage> JoinAsync(this AppClient client, string link, CancellationToken cancellationToken = default)
    {
        var page = await client.GetAsync(new Uri(link).AbsolutePath, cancellationToken);
        return page.Document.QuerySelector("main form[method=post]") is null
            ? page
            : await client.SubmitAsync(page, new Dictionary<string, string?>(), cancellationToken: cancellationToken);
    }

    /// <summary>Makes a start link from the clinic's start links page; returns its print page.</summary>
    public static async Task<HtmlPage> NewStartLinkAsync(this AppClient staff, string clinic, string label = "Front desk", CancellationToken cancellationToken = default)
    {
        var page = await staff.GetAsync($"{clinic}/start-links", cancellationToken);
        return await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Label"] = label }, "form#new-link-form", cancellationToken);
    }

    /// <summary>The start link in a text, such as a print page's ("http://…/start/…").</summary>
    public static string StartLinkIn(string text) =>
        StartLink().Match(text).Value is { Length: > 0 } link
            ? link
            : throw new InvalidOperationException("There is no start link in the text.");

    /// <summary>The path of the start link shown on a print page ("/start/…").</summary>
    public static string StartPathOn(HtmlPage print) => new Uri(StartLinkIn(print.Text)).AbsolutePath;

    /// <summary>A signed-in patient starts a plan from a start link; returns the page after (the plan's home when it worked).</summary>
    public static async Task<HtmlPage> StartFromLinkAsync(this AppClient patient, string startPath, string? patientName = null, CancellationToken cancellationToken = default)
    {
        var page = await patient.GetAsync(startPath, cancellationToken);
        return await patient.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Input.For"] = patientName is null ? "Myself" : "SomeoneIHelp",
            ["Input.PatientName"] = patientName,
        }, cancellationToken: cancellationToken);
    }

    /// <summary>A new account that starts a plan from the start link; returns its client and the plan's path.</summary>
    public static async Task<(AppClient Patient, string Plan)> PatientFromLinkAsync(this TestApp app, string startPath, string? patientName = null)
    {
        var patient = new AppClient(app);
        await patient.SignUpAsync();
        var home = await patient.StartFromLinkAsync(startPath, patientName);
        return (patient, Journeys.PlanPath(home.Url));
    }

    [GeneratedRegex(@"^/clinics/(?<id>[0-9a-f-]{36})")]
    private static partial Regex ClinicPath();

    [GeneratedRegex(@"https?://[^\s/]+/start/[A-Za-z0-9_-]{43}")]
    private static partial Regex StartLink();
}
