using System.Net;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

public class AccountTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_up_signs_you_in_and_asks_you_to_start_a_plan()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);

        var page = await client.SignUpAsync(cancellationToken: Token);

        Assert.Equal("/plans/new", page.Url.AbsolutePath);
        Assert.Contains("Your account is ready", page.Text, StringComparison.Ordinal);
        Assert.Contains("Sign out", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_refused_beside_the_field_and_the_email_stays()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/register", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = "maria@example.com",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Use at least 12 characters", page.FieldError("Input_Password"), StringComparison.Ordinal);
        Assert.Equal("maria@example.com", page.Value("Input_Email"));
        Assert.Contains("There is a problem", page.ErrorSummary, StringComparison.Ordinal);
        Assert.StartsWith("Error:", page.Document.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("Password1234")]
    public async Task A_common_password_is_refused(string password)
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/register", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = Journeys.NewEmail(),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }, cancellationToken: Token);

        Assert.Equal("This password is too easy to guess. Try a few words that are not often used together.", page.FieldError("Input_Password"));
    }

    [Fact]
    public async Task Passwords_that_do_not_match_are_refused()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/register", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = Journeys.NewEmail(),
            ["Input.Password"] = Journeys.Password,
            ["Input.ConfirmPassword"] = Journeys.Password + "x",
        }, cancellationToken: Token);

        Assert.Equal("The two passwords are not the same. Type the same password in both boxes.", page.FieldError("Input_ConfirmPassword"));
    }

    [Fact]
    public async Task Sign_out_then_sign_in_again()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var client = new AppClient(app);
        var signedUp = await client.SignUpAsync(email, Token);

        var signedOut = await client.SubmitAsync(signedUp, new Dictionary<string, string?>(), "header form", Token);
        Assert.Contains("You are signed out.", signedOut.Text, StringComparison.Ordinal);
        var plans = await client.GetAsync("/plans", Token);
        Assert.Equal("/account/sign-in", plans.Url.AbsolutePath);

        var signedIn = await client.SignInAsync(email, cancellationToken: Token);
        Assert.Equal("/plans", signedIn.Url.AbsolutePath);
        Assert.Equal("Your plans", signedIn.Heading);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_plain_message_and_keeps_the_email()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using (var owner = new AppClient(app))
        {
            await owner.SignUpAsync(email, Token);
        }

        using var client = new AppClient(app);
        var page = await client.SignInAsync(email, "not the right password", Token);

        Assert.Contains("The email or password is not right.", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(email, page.Value("Input_Email"));
    }

    [Fact]
    public async Task Five_wrong_passwords_pause_sign_in_even_for_the_right_one_with_the_same_message()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using (var owner = new AppClient(app))
        {
            await owner.SignUpAsync(email, Token);
        }

        using var client = new AppClient(app);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(email, "not the right password", Token);
        }

        var page = await client.SignInAsync(email, cancellationToken: Token);

        Assert.Equal("/account/sign-in", page.Url.AbsolutePath);
        Assert.Contains("The email or password is not right.", page.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_returns_you_to_the_page_you_asked_for_but_never_off_site()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using (var owner = new AppClient(app))
        {
            await owner.SignUpAsync(email, Token);
        }

        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", Token);
        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Journeys.Password,
        }, cancellationToken: Token);

        Assert.Equal("localhost", page.Url.Host);
        Assert.Equal("/plans", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_the_emailed_link()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using (var owner = new AppClient(app))
        {
            await owner.SignUpAsync(email, Token);
        }

        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/forgot-password", Token);
        var sent = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Email"] = email }, cancellationToken: Token);
        Assert.Equal("Check your email", sent.Heading);

        var link = app.LinkInNewestEmailTo(email, "/account/reset-password");

        var reset = await client.GetAsync(new Uri(link).PathAndQuery, Token);
        const string newPassword = "green teapot rainy window";
        var done = await client.SubmitAsync(reset, new Dictionary<string, string?>
        {
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        }, cancellationToken: Token);
        Assert.Equal("/plans", done.Url.AbsolutePath);
        Assert.Contains("Your password is changed and you are signed in.", done.Text, StringComparison.Ordinal);

        await client.SubmitAsync(done, new Dictionary<string, string?>(), "header form", Token);
        var oldPassword = await client.SignInAsync(email, cancellationToken: Token);
        Assert.Contains("The email or password is not right.", oldPassword.ErrorSummary, StringComparison.Ordinal);
        var signedIn = await client.SignInAsync(email, newPassword, Token);
        Assert.Equal("/plans", signedIn.Url.AbsolutePath);
        await client.SubmitAsync(signedIn, new Dictionary<string, string?>(), "header form", Token);

        var reused = await client.GetAsync(new Uri(link).PathAndQuery, Token);
        var refused = await client.SubmitAsync(reused, new Dictionary<string, string?>
        {
            ["Input.Password"] = "another fresh long phrase",
            ["Input.ConfirmPassword"] = "another fresh long phrase",
        }, cancellationToken: Token);
        Assert.Contains("This reset link has expired or was already used.", refused.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_email_looks_the_same_and_sends_nothing()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/forgot-password", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Email"] = "nobody@example.com" }, cancellationToken: Token);

        Assert.Equal("Check your email", page.Heading);
        Assert.Empty(app.Emails());
    }

    [Fact]
    public async Task A_tampered_reset_link_is_refused_without_an_error_page()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/reset-password?userId=nobody&code=%%%not-base64", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Password"] = "green teapot rainy window",
            ["Input.ConfirmPassword"] = "green teapot rainy window",
        }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This reset link has expired or was already used.", page.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_host_is_refused_and_sends_no_email()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var client = new AppClient(app);
        await client.SignUpAsync(email, Token);
        var form = await client.GetAsync("/account/forgot-password", Token);
        var token = form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        using var response = await client.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(app.Emails(), mail => mail.Subject?.Contains("Reset", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Reset_links_use_the_public_origin_even_when_every_host_is_allowed()
    {
        await using var app = new TestApp();
        app.Settings["AllowedHosts"] = "*";
        // http, so the in-memory client is not sent on to https (see ProxyTests for an https origin).
        app.Settings["App:PublicOrigin"] = "http://secondopinion.example.org";
        var email = Journeys.NewEmail();
        using var client = new AppClient(app);
        await client.SignUpAsync(email, Token);
        var form = await client.GetAsync("/account/forgot-password", Token);
        var token = form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        using var response = await client.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = new Uri(app.LinkInNewestEmailTo(email, "/account/reset-password"));
        Assert.Equal("http://secondopinion.example.org", link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task A_site_that_listens_beyond_this_machine_does_not_start_without_its_public_origin()
    {
        await using var app = new TestApp();
        app.Settings["App:PublicOrigin"] = "";
        app.Settings["urls"] = "http://0.0.0.0:5000";

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("App:PublicOrigin", failure.ToString(), StringComparison.Ordinal);
    }
}
