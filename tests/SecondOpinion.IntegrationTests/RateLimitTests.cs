using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class RateLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TestApp AppWithLimit(string policy, int perAddress, int perAccount)
    {
        var app = new TestApp();
        app.Settings[$"RateLimits:{policy}:PerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings[$"RateLimits:{policy}:PerAccount"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return app;
    }

    private static void AssertCalmlyRefused(HtmlPage page)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Equal("Please wait a moment", page.Heading);
    }

    [Theory]
    [InlineData("SignIn", "/account/sign-in")]
    [InlineData("SignUp", "/account/register")]
    [InlineData("ForgotPassword", "/account/forgot-password")]
    [InlineData("ResetPassword", "/account/reset-password?userId=someone&code=abc")]
    public async Task Too_many_forms_from_one_address_get_429_with_retry_after_and_a_calm_page(string policy, string url)
    {
        await using var app = AppWithLimit(policy, perAddress: 2, perAccount: 100);
        using var client = new AppClient(app);
        var values = new Dictionary<string, string?>
        {
            ["Input.Email"] = Journeys.NewEmail(), ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        };

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var allowed = await client.SubmitAsync(await client.GetAsync(url, Token), values, cancellationToken: Token);
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
        }

        var form = await client.GetAsync(url, Token);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.Email"] = Journeys.NewEmail(),
        };
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.Http.PostAsync(url, content, Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refusal says when to try again.");
        Assert.Contains("Please wait a moment", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Packet_links_opened_too_often_from_one_address_get_429_whatever_the_token()
    {
        await using var app = AppWithLimit("PacketLink", perAddress: 3, perAccount: 0);
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        using var office = new AppClient(app);

        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(path, Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/packet/{Endpoints.UnknownToken}", Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(path, Token)).Status);
        AssertCalmlyRefused(await office.GetAsync(path, Token));
        AssertCalmlyRefused(await office.GetAsync($"/packet/{Endpoints.UnknownToken}", Token));
        Assert.Equal(2, await app.QueryAsync(db => db.PacketLinkOpens.CountAsync(Token)));
    }

    [Fact]
    public async Task Sign_in_is_counted_per_email_typed_whoever_sends_it_and_whether_or_not_the_account_exists()
    {
        await using var app = AppWithLimit("SignIn", perAddress: 100, perAccount: 2);
        var known = await app.AccountAsync(Token);

        foreach (var email in new[] { known, "nobody-" + Journeys.NewEmail() })
        {
            using var client = new AppClient(app);
            await client.SignInAsync(email, "not the right password", Token);
            await client.SignInAsync(email.ToUpperInvariant(), "not the right password", Token);

            using var other = new AppClient(app);
            AssertCalmlyRefused(await other.SignInAsync($"  {email} ", cancellationToken: Token));
        }

        using var someoneElse = new AppClient(app);
        var fine = await someoneElse.SignInAsync(Journeys.NewEmail(), cancellationToken: Token);
        Assert.Contains("The email or password is not right.", fine.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_emails_to_one_inbox_stop_at_the_limit()
    {
        await using var app = AppWithLimit("ForgotPassword", perAddress: 100, perAccount: 2);
        var email = Journeys.NewEmail();
        using var client = new AppClient(app);
        await client.SignUpAsync(email, Token);
        var sentBefore = app.Emails().Count;

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var form = await client.GetAsync("/account/forgot-password", Token);
            answers.Add((await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Email"] = email }, cancellationToken: Token)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(2, app.Emails().Count - sentBefore);
    }

    [Fact]
    public async Task Invites_are_counted_per_person_sending_them_and_the_other_sharing_buttons_are_not()
    {
        await using var app = AppWithLimit("Invite", perAddress: 100, perAccount: 2);
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;

        var first = await owner.InviteAsync(plan, Journeys.NewEmail(), PlanRole.Caregiver, Token);
        Assert.Contains("We sent an invite", first.Text, StringComparison.Ordinal);
        var resent = await owner.SubmitAsync(first, new Dictionary<string, string?>(), "main form[action*='handler=Resend']", Token);
        Assert.Contains("We sent the invite", resent.Text, StringComparison.Ordinal);
        var cancelled = await owner.SubmitAsync(resent, new Dictionary<string, string?>(), "main form[action*='handler=Cancel']", Token);
        Assert.Contains("is cancelled", cancelled.Text, StringComparison.Ordinal);

        AssertCalmlyRefused(await owner.InviteAsync(plan, Journeys.NewEmail(), PlanRole.Viewer, Token));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{plan}/sharing", Token)).Status);
    }
}
