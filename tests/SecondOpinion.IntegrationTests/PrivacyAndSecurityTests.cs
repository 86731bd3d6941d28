using System.Net;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.IntegrationTests;

public class PrivacyAndSecurityTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/robots.txt", "text/plain")]
    public async Task The_favicon_and_robots_file_are_served_without_signing_in(string path, string contentType)
    {
        await using var app = new TestApp();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_answers_200_when_the_app_and_its_database_are_ready()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Health_answers_503_when_the_database_cannot_be_reached()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();
        using (await client.GetAsync("/health", Token))
        {
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(app.DatabasePath);
        Directory.CreateDirectory(app.DatabasePath);
        using var kept = await client.GetAsync("/health", Token);
        app.Clock.Advance(DatabaseHealthCheck.KeepFor);
        using var response = await client.GetAsync("/health", Token);
        using var live = await client.GetAsync("/health/live", Token);

        // The answer is kept for a second, so a busy load balancer does not reach the database each time.
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        // Liveness never asks the database: the process is up.
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Health_details_never_reach_the_logs()
    {
        await using var app = new TestApp(minimumLogLevel: "Verbose");
        const string marker = "Zebrafinch";
        var (client, plan) = await app.SignedUpWithPlanAsync($"Patient {marker}", $"Biopsy {marker} result", Token);
        using var _ = client;
        var step = await client.GetAsync($"{plan}/steps/5", Token);
        await client.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Notes"] = $"Tumor {marker} notes", ["Input.Status"] = "Done" }, cancellationToken: Token);
        await client.GetAsync($"/plans/new?about={marker}", Token);

        Assert.Contains(app.Logs.Lines, line => line.Contains("HTTP \"POST\"", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(Journeys.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_can_read_a_plan_but_not_change_it()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync("Maria Lopez", cancellationToken: Token);
        owner.Dispose();
        var viewerEmail = Journeys.NewEmail();
        using var viewer = new AppClient(app);
        await viewer.SignUpAsync(viewerEmail, Token);
        await app.AddMemberAsync(plan, viewerEmail, PlanRole.Viewer, Token);

        var step = await viewer.GetAsync($"{plan}/steps/1", Token);
        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.Null(step.Document.QuerySelector("main form"));

        var ownForm = await viewer.GetAsync("/plans/new", Token);
        var token = ownForm.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await viewer.PostAsync($"{plan}/steps/1", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Status"] = "Done",
        }, Token);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        var home = await viewer.GetAsync(plan, Token);
        Assert.Contains("0 of 6 steps done", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caregiver_can_change_the_plan()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync("Maria Lopez", cancellationToken: Token);
        owner.Dispose();
        var email = Journeys.NewEmail();
        using var caregiver = new AppClient(app);
        await caregiver.SignUpAsync(email, Token);
        await app.AddMemberAsync(plan, email, PlanRole.Caregiver, Token);

        var step = await caregiver.GetAsync($"{plan}/steps/1", Token);
        var saved = await caregiver.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Status"] = "Done" }, cancellationToken: Token);

        Assert.Contains("Saved. Step 1 is done.", saved.Text, StringComparison.Ordinal);
        var plans = await caregiver.GetAsync("/plans", Token);
        Assert.Contains("Your role: Caregiver.", plans.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_strict_security_headers_and_are_not_cached()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/account/sign-in", Token);

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task The_sign_in_cookie_is_http_only_and_secure_over_https(string baseAddress, bool secure)
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using (var owner = new AppClient(app))
        {
            await owner.SignUpAsync(email, Token);
        }

        using var client = app.CreateClient(new() { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        using var form = await client.GetAsync("/account/sign-in", Token);
        var html = await form.Content.ReadAsStringAsync(Token);
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html)
            .QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("SecondOpinion.Antiforgery", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = Journeys.Password,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);

        using var response = await client.SendAsync(request, Token);

        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SecondOpinion.Auth", StringComparison.Ordinal));
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(secure, authCookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
