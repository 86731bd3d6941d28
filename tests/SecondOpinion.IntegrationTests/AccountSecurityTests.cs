using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class AccountSecurityTests
{
    private const string NewPassword = "green teapot rainy window";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<bool> IsSignedInAsync(AppClient client) =>
        (await client.GetAsync("/plans", Token)).Url.AbsolutePath == "/plans";

    [Fact]
    public async Task Signing_up_with_a_known_email_answers_the_same_as_a_new_one_and_emails_the_account_instead()
    {
        await using var app = new TestApp();
        var known = await app.AccountAsync(Token);

        var fresh = Journeys.NewEmail();
        using var first = new AppClient(app);
        using var second = new AppClient(app);
        var forFresh = await first.SubmitSignUpAsync(fresh, Token);
        var forKnown = await second.SubmitSignUpAsync(known, Token);

        Assert.Equal(forFresh.Status, forKnown.Status);
        Assert.Equal(forFresh.Url, forKnown.Url);
        Assert.Equal("Check your email", forKnown.Heading);
        Assert.Equal(forFresh.Text.Replace(fresh, "EMAIL", StringComparison.Ordinal), forKnown.Text.Replace(known, "EMAIL", StringComparison.Ordinal));
        Assert.False(await IsSignedInAsync(first));
        Assert.False(await IsSignedInAsync(second));

        var warning = app.Emails().Last(m => m.To.ToString().Contains(known, StringComparison.Ordinal));
        Assert.Contains("Someone tried to make a new SecondOpinion account with this email address", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/forgot-password", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/confirm-email", app.Emails().Last(m => m.To.ToString().Contains(fresh, StringComparison.Ordinal)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_refusals_read_the_same_for_an_unknown_email_a_wrong_password_and_a_paused_account()
    {
        await using var app = new TestApp();
        var email = await app.AccountAsync(Token);

        using var client = new AppClient(app);
        var unknown = await client.SignInAsync("nobody-" + email, "not the right password", Token);
        var wrong = await client.SignInAsync(email, "not the right password", Token);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.SignInAsync(email, "not the right password", Token);
        }

        var paused = await client.SignInAsync(email, cancellationToken: Token);

        Assert.All([unknown, wrong, paused], page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.Equal(unknown.ErrorSummary, wrong.ErrorSummary);
        Assert.Equal(unknown.ErrorSummary, paused.ErrorSummary);
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Sign_in_pauses_only_a_few_minutes_and_a_reset_link_gets_the_person_in_at_once()
    {
        await using var app = new TestApp();
        var email = await app.AccountAsync(Token);

        using var stranger = new AppClient(app);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await stranger.SignInAsync(email, "not the right password", Token);
        }

        using var person = new AppClient(app);
        var form = await person.GetAsync("/account/forgot-password", Token);
        await person.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Email"] = email }, cancellationToken: Token);
        var reset = await person.GetAsync(new Uri(app.LinkInNewestEmailTo(email, "/account/reset-password")).PathAndQuery, Token);
        var done = await person.SubmitAsync(reset, new Dictionary<string, string?>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, cancellationToken: Token);

        Assert.Equal("/plans", done.Url.AbsolutePath);
        Assert.True(await IsSignedInAsync(person));
        Assert.Null(await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync(Token)));

        // Without a reset, the pause is short: a few minutes.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await stranger.SignInAsync(email, "not the right password", Token);
        }

        using var later = new AppClient(app);
        Assert.Contains("The email or password is not right.", (await later.SignInAsync(email, NewPassword, Token)).ErrorSummary, StringComparison.Ordinal);
        var pausedUntil = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync(Token));
        Assert.InRange(pausedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_new_account_works_at_once_but_invites_wait_for_the_confirmed_email()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var client = new AppClient(app);
        await client.SubmitSignUpAsync(email, Token);

        var signedIn = await client.SignInAsync(email, cancellationToken: Token);
        Assert.Equal("/plans", signedIn.Url.AbsolutePath);
        var account = await client.GetAsync("/account", Token);
        Assert.Contains("Confirm your email", account.Text, StringComparison.Ordinal);
        var plan = Journeys.PlanPath((await client.StartPlanAsync(cancellationToken: Token)).Url);
        var refused = await client.InviteAsync(plan, Journeys.NewEmail(), PlanRole.Caregiver, Token);
        Assert.Contains("Confirm your own email address before you invite anyone.", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Empty(await app.QueryAsync(db => db.PlanInvites.ToListAsync(Token)));

        var resent = await client.SubmitAsync(account, new Dictionary<string, string?>(), "main form[action*='handler=ResendConfirmation']", Token);
        Assert.Contains($"We sent a new link to {email}.", resent.Text, StringComparison.Ordinal);
        var link = app.LinkInNewestEmailTo(email, "/account/confirm-email");
        var confirmed = await client.ConfirmEmailAsync(link, Token);
        Assert.Contains("your email is confirmed", confirmed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm your email", (await client.GetAsync("/account", Token)).Text, StringComparison.Ordinal);
        var sent = await client.InviteAsync(plan, Journeys.NewEmail(), PlanRole.Caregiver, Token);
        Assert.Contains("We sent an invite", sent.Text, StringComparison.Ordinal);

        // The link signs in once; after that it only says the email is confirmed.
        using var other = new AppClient(app);
        var again = await other.ConfirmEmailAsync(link, Token);
        Assert.Equal("/account/sign-in", again.Url.AbsolutePath);
        Assert.False(await IsSignedInAsync(other));
    }

    [Fact]
    public async Task A_change_of_email_counts_only_once_the_link_sent_to_the_new_address_is_opened()
    {
        await using var app = new TestApp();
        var oldEmail = Journeys.NewEmail();
        var newEmail = Journeys.NewEmail();
        using var client = new AppClient(app);
        await client.SignUpAsync(oldEmail, Token);
        var account = await client.GetAsync("/account", Token);

        var wrong = await client.SubmitAsync(account, new Dictionary<string, string?>
        {
            ["EmailInput.NewEmail"] = newEmail, ["EmailInput.Password"] = "not the right password",
        }, "main form[action*='handler=ChangeEmail']", Token);
        Assert.Equal("This is not your current password. Check it and try again.", wrong.FieldError("EmailInput_Password"));
        Assert.Equal(newEmail, wrong.Value("EmailInput_NewEmail"));

        var asked = await client.SubmitAsync(account, new Dictionary<string, string?>
        {
            ["EmailInput.NewEmail"] = newEmail, ["EmailInput.Password"] = Journeys.Password,
        }, "main form[action*='handler=ChangeEmail']", Token);
        Assert.Contains($"We sent a link to {newEmail}.", asked.Text, StringComparison.Ordinal);
        Assert.Contains(oldEmail, asked.Text, StringComparison.Ordinal);

        var link = app.LinkInNewestEmailTo(newEmail, "/account/confirm-email");
        var changed = await client.ConfirmEmailAsync(link, Token);
        Assert.Equal("/account", changed.Url.AbsolutePath);
        Assert.Contains($"Your email is now {newEmail}.", changed.Text, StringComparison.Ordinal);
        Assert.Contains("Your email address was changed.", changed.Text, StringComparison.Ordinal);

        using var later = new AppClient(app);
        Assert.Contains("The email or password is not right.", (await later.SignInAsync(oldEmail, cancellationToken: Token)).ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("/plans", (await later.SignInAsync(newEmail, cancellationToken: Token)).Url.AbsolutePath);
        Assert.Contains("This link has expired or was already used.", (await later.ConfirmEmailAsync(link, Token)).ErrorSummary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChangePassword")]
    [InlineData("SignOutEverywhere")]
    public async Task A_password_change_or_sign_out_everywhere_ends_every_other_session_at_once(string handler)
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var here = new AppClient(app);
        await here.SignUpAsync(email, Token);
        using var elsewhere = new AppClient(app);
        await elsewhere.SignInAsync(email, cancellationToken: Token);
        Assert.True(await IsSignedInAsync(elsewhere));

        var account = await here.GetAsync("/account", Token);
        var done = await here.SubmitAsync(account, new Dictionary<string, string?>
        {
            ["PasswordInput.CurrentPassword"] = Journeys.Password,
            ["PasswordInput.NewPassword"] = NewPassword,
            ["PasswordInput.ConfirmPassword"] = NewPassword,
        }, $"main form[action*='handler={handler}']", Token);

        Assert.Equal("/account", done.Url.AbsolutePath);
        Assert.Contains("signed out", done.Text, StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(here));
        Assert.False(await IsSignedInAsync(elsewhere));
    }

    [Fact]
    public async Task A_wrong_current_password_is_named_beside_the_field()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        await client.SignUpAsync(cancellationToken: Token);
        var account = await client.GetAsync("/account", Token);

        var page = await client.SubmitAsync(account, new Dictionary<string, string?>
        {
            ["PasswordInput.CurrentPassword"] = "not the right password",
            ["PasswordInput.NewPassword"] = NewPassword,
            ["PasswordInput.ConfirmPassword"] = NewPassword,
        }, "main form[action*='handler=ChangePassword']", Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("This is not your current password. Check it and try again.", page.FieldError("PasswordInput_CurrentPassword"));
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_cookie_no_longer_works()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var page = await client.SignUpAsync(cancellationToken: Token);
        using var thief = new AppClient(app);
        thief.Cookies.Add(client.Cookies.GetAllCookies());
        Assert.True(await IsSignedInAsync(thief));

        await client.SubmitAsync(page, new Dictionary<string, string?>(), "header form", Token);

        Assert.False(await IsSignedInAsync(thief));
    }

    [Fact]
    public async Task A_session_ends_after_half_an_hour_idle_unless_the_person_asked_to_stay_signed_in()
    {
        await using var app = new TestApp { SessionsFollowClock = true };
        var email = await app.AccountAsync(Token);

        using var brief = new AppClient(app);
        await brief.SignInAsync(email, cancellationToken: Token);
        using var remembered = new AppClient(app);
        var form = await remembered.GetAsync("/account/sign-in", Token);
        await remembered.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.Password"] = Journeys.Password, ["Input.RememberMe"] = "true",
        }, cancellationToken: Token);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await IsSignedInAsync(brief));
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await IsSignedInAsync(brief), "Each request starts the half hour again.");
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await IsSignedInAsync(brief));
        Assert.True(await IsSignedInAsync(remembered));
        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.False(await IsSignedInAsync(remembered));
    }

    [Fact]
    public async Task The_account_page_lists_the_latest_security_events_and_when_you_last_signed_in()
    {
        await using var app = new TestApp();
        var email = await app.AccountAsync(Token);

        using var client = new AppClient(app);
        await client.SignInAsync(email, "not the right password", Token);
        await client.SignInAsync(email, cancellationToken: Token);

        var account = await client.GetAsync("/account", Token);

        var lines = account.Document.QuerySelectorAll("ol.activity-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("You signed in.", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Someone tried to sign in with a wrong password.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("You signed in.", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Your email address was confirmed.", lines[3], StringComparison.Ordinal);
        Assert.Contains("Before this, you last signed in on", account.Text, StringComparison.Ordinal);
        Assert.Contains("Download my data", account.Text, StringComparison.Ordinal);
        Assert.Contains("Delete my account", account.Text, StringComparison.Ordinal);
        var kinds = await app.QueryAsync(db => db.SecurityEvents.Select(e => e.Kind).ToListAsync(Token));
        Assert.Equal(4, kinds.Count);
    }

    [Fact]
    public async Task Sending_and_accepting_an_invite_are_security_events_of_each_person()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        using var member = (await app.InvitedMemberAsync(owner, plan, PlanRole.Viewer, Token)).Client;

        Assert.Contains("You sent an invite to a plan.", (await owner.GetAsync("/account", Token)).Text, StringComparison.Ordinal);
        Assert.Contains("You accepted an invite to a plan or a clinic.", (await member.GetAsync("/account", Token)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_needs_sign_in()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);

        var page = await client.GetAsync("/account", Token);

        Assert.Equal("/account/sign-in", page.Url.AbsolutePath);
    }
}
