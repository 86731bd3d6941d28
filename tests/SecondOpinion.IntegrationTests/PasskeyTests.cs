using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// The passkey handlers without a browser: what needs sign-in, what a bad answer gets, and that a
/// passkey id only ever finds the person's own. (Making and using a real passkey is in the
/// browser test, with Chromium's virtual authenticator.)
/// </summary>
public class PasskeyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(AppClient client, string url, string token, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.Http.PostAsync(url, content, Token);
    }

    private static async Task<string> SignInFormTokenAsync(AppClient client) =>
        (await client.GetAsync("/account/sign-in", Token)).Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Options_to_make_a_passkey_need_sign_in_and_name_the_person_and_the_site()
    {
        await using var app = new TestApp();
        using var stranger = new AppClient(app, followRedirects: false);
        using (var anonymous = await PostAsync(stranger, "/account?handler=PasskeyOptions", await SignInFormTokenAsync(stranger)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/account/sign-in", anonymous.Headers.Location?.AbsolutePath);
        }

        var email = Journeys.NewEmail();
        using var person = new AppClient(app);
        await person.SignUpAsync(email, Token);
        using var response = await PostAsync(person, "/account?handler=PasskeyOptions", await person.AntiforgeryTokenAsync(Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("localhost", options.RootElement.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(email, options.RootElement.GetProperty("user").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(options.RootElement.GetProperty("challenge").GetString()));
    }

    [Fact]
    public async Task Without_javascript_the_passkey_buttons_are_hidden_and_the_pages_say_why()
    {
        await using var app = new TestApp();
        using var anonymous = new AppClient(app);
        using var person = new AppClient(app);
        await person.SignUpAsync(cancellationToken: Token);

        var signIn = await anonymous.GetAsync("/account/sign-in", Token);
        var account = await person.GetAsync("/account", Token);

        Assert.NotNull(signIn.Document.QuerySelector("form[action*='handler=Passkey'][hidden] button#PasskeyInput_Credential"));
        Assert.Contains("This needs JavaScript, which is off in this browser.", signIn.Document.GetElementById("passkey-needs-script")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(signIn.Document.QuerySelector("main form[method=post]:not([hidden]) input[name='Input.Password']"));
        Assert.NotNull(account.Document.QuerySelector("form[action*='handler=AddPasskey'][hidden] button#AddPasskeyInput_Credential"));
        Assert.Contains("Adding a passkey needs JavaScript", account.Document.GetElementById("passkey-needs-script")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, signIn.Document.QuerySelectorAll("script[src^='/js/']").Length);
    }

    [Fact]
    public async Task The_relying_party_is_the_public_origin_never_the_requests_host()
    {
        await using var app = new TestApp();
        app.Settings["App:PublicOrigin"] = "http://secondopinion.example.org";
        app.Settings["AllowedHosts"] = "*";
        using var client = new AppClient(app);
        client.Http.DefaultRequestHeaders.Host = "evil.example";
        var token = await SignInFormTokenAsync(client);

        using var response = await PostAsync(client, "/account/sign-in?handler=PasskeyOptions", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("secondopinion.example.org", options.RootElement.GetProperty("rpId").GetString());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"AAAA\"}}")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    public async Task A_bad_answer_from_the_browser_is_a_400_with_a_message_beside_the_button(string credential)
    {
        await using var app = new TestApp();
        using var person = new AppClient(app);
        await person.SignUpAsync(cancellationToken: Token);
        using var anonymous = new AppClient(app);

        // Each is asked for its options first, as the script does, so a ceremony is under way.
        using (await PostAsync(person, "/account?handler=PasskeyOptions", await person.AntiforgeryTokenAsync(Token)))
        using (await PostAsync(anonymous, "/account/sign-in?handler=PasskeyOptions", await SignInFormTokenAsync(anonymous)))
        {
        }

        var adding = await person.SubmitAsync(await person.GetAsync("/account", Token),
            new Dictionary<string, string?> { ["AddPasskeyInput.Credential"] = credential }, "main form[action*='handler=AddPasskey']", Token);
        var signingIn = await anonymous.SubmitAsync(await anonymous.GetAsync("/account/sign-in", Token),
            new Dictionary<string, string?> { ["PasskeyInput.Credential"] = credential }, "main form[action*='handler=Passkey']", Token);

        Assert.Equal(HttpStatusCode.BadRequest, adding.Status);
        Assert.StartsWith("The passkey was not added.", adding.FieldError("AddPasskeyInput_Credential"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, signingIn.Status);
        Assert.StartsWith("You are not signed in.", signingIn.FieldError("PasskeyInput_Credential"), StringComparison.Ordinal);
        Assert.Equal("/account/sign-in", (await anonymous.GetAsync("/plans", Token)).Url.AbsolutePath);
        Assert.Empty(await app.QueryAsync(db => db.UserPasskeys.ToListAsync(Token)));
    }

    [Fact]
    public async Task A_huge_answer_without_options_first_or_an_empty_one_gets_a_calm_answer()
    {
        await using var app = new TestApp();
        using var person = new AppClient(app);
        await person.SignUpAsync(cancellationToken: Token);
        var huge = "{\"id\":\"" + new string('A', 200_000) + "\"}";

        var tooBig = await person.SubmitAsync(await person.GetAsync("/account", Token),
            new Dictionary<string, string?> { ["AddPasskeyInput.Credential"] = huge }, "main form[action*='handler=AddPasskey']", Token);
        var empty = await person.SubmitAsync(await person.GetAsync("/account", Token),
            new Dictionary<string, string?> { ["AddPasskeyInput.Credential"] = "" }, "main form[action*='handler=AddPasskey']", Token);
        var noCeremony = await person.SubmitAsync(await person.GetAsync("/account", Token),
            new Dictionary<string, string?> { ["AddPasskeyInput.Credential"] = "{\"id\":\"AAAA\"}" }, "main form[action*='handler=AddPasskey']", Token);
        using var signingIn = new AppClient(app);
        var noCeremonyToSignIn = await signingIn.SubmitAsync(await signingIn.GetAsync("/account/sign-in", Token),
            new Dictionary<string, string?> { ["PasskeyInput.Credential"] = "{\"id\":\"AAAA\"}" }, "main form[action*='handler=Passkey']", Token);

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noCeremony.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noCeremonyToSignIn.Status);
        Assert.StartsWith("You are not signed in.", noCeremonyToSignIn.FieldError("PasskeyInput_Credential"), StringComparison.Ordinal);
        // Nothing was sent at all (the script did not run): the form's own message, as for any empty field.
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.StartsWith("The passkey was not added.", empty.FieldError("AddPasskeyInput_Credential"), StringComparison.Ordinal);
        Assert.Contains("The passkey was not added.", empty.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passkey_sign_in_counts_toward_the_sign_in_limit_of_the_address()
    {
        await using var app = new TestApp();
        app.Settings["RateLimits:SignIn:PerAddress"] = "3";
        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/sign-in", Token);

        using (await PostAsync(client, "/account/sign-in?handler=PasskeyOptions", await SignInFormTokenAsync(client)))
        {
        }

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var page = await client.SubmitAsync(form, new Dictionary<string, string?> { ["PasskeyInput.Credential"] = "{}" }, "main form[action*='handler=Passkey']", Token);
            answers.Add(page.Status);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Without_an_antiforgery_token_or_with_a_wrong_method_nothing_runs()
    {
        await using var app = new TestApp();
        using var person = new AppClient(app);
        await person.SignUpAsync(cancellationToken: Token);

        using var noToken = await PostAsync(person, "/account?handler=PasskeyOptions", "");
        using var noTokenSignIn = await PostAsync(person, "/account/sign-in?handler=Passkey", "", ("PasskeyInput.Credential", "{}"));
        using var put = await person.Http.PutAsync("/account?handler=AddPasskey", new StringContent("{}"), Token);
        using var anonymous = new AppClient(app);
        using var get = await anonymous.Http.GetAsync("/account/sign-in?handler=PasskeyOptions", Token);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTokenSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        // A GET is only ever the sign-in page: the options come from a POST with the form's token.
        Assert.Equal("text/html", get.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_account_page_lists_passkeys_and_renames_and_removes_only_the_persons_own()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var person = new AppClient(app);
        await person.SignUpAsync(email, Token);
        var otherEmail = Journeys.NewEmail();
        using var other = new AppClient(app);
        await other.SignUpAsync(otherEmail, Token);
        var own = await app.AddPasskeyAsync(email, "My phone");
        var theirs = await app.AddPasskeyAsync(otherEmail, "Their laptop");

        var page = await person.GetAsync("/account", Token);
        var listed = page.Document.QuerySelector("ul[aria-labelledby=passkeys-heading]")!.TextContent;
        Assert.Contains("My phone", listed, StringComparison.Ordinal);
        Assert.Contains("Added", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("Their laptop", listed, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("form[action*='handler=AddPasskey'][hidden]"));
        Assert.Contains("Adding a passkey needs JavaScript", page.Text, StringComparison.Ordinal);

        // Someone else's passkey id, on every passkey form: not found, and nothing changes.
        var token = await person.AntiforgeryTokenAsync(Token);
        using (var remove = await PostAsync(person, "/account?handler=RemovePasskey", token, ("PasskeyId", theirs)))
        {
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/account/passkey?id={theirs}", Token)).Status);
        using (var rename = await PostAsync(person, $"/account/passkey?id={theirs}", token, ("Input.Name", "Taken over")))
        {
            Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        }

        foreach (var nonsense in new[] { "", "not base64!", new string('A', 5000) })
        {
            using var remove = await PostAsync(person, "/account?handler=RemovePasskey", token, ("PasskeyId", nonsense));
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        }

        Assert.Contains("Their laptop", (await other.GetAsync("/account", Token)).Text, StringComparison.Ordinal);

        var renameLink = page.Document.QuerySelector("a[href^='/account/passkey?id=']")!.GetAttribute("href")!;
        Assert.Equal($"/account/passkey?id={own}", renameLink);
        var renameForm = await person.GetAsync(renameLink, Token);
        Assert.Equal("My phone", renameForm.Value("Input_Name"));
        var tooLong = await person.SubmitAsync(renameForm, new Dictionary<string, string?> { ["Input.Name"] = new string('x', 61) }, cancellationToken: Token);
        Assert.Equal("A passkey's name can be at most 60 characters.", tooLong.FieldError("Input_Name"));
        Assert.Equal(new string('x', 61), tooLong.Value("Input_Name"));
        var renamed = await person.SubmitAsync(renameForm, new Dictionary<string, string?> { ["Input.Name"] = "Kitchen tablet" }, cancellationToken: Token);
        Assert.Equal("/account", renamed.Url.AbsolutePath);
        Assert.Contains("Your passkey is now called \"Kitchen tablet\".", renamed.Text, StringComparison.Ordinal);

        var removed = await person.SubmitAsync(renamed, new Dictionary<string, string?>(), "main form[action*='handler=RemovePasskey']", Token);
        Assert.Contains("The passkey \"Kitchen tablet\" is removed. You can still sign in with your password.", removed.Text, StringComparison.Ordinal);
        Assert.Contains("You have no passkeys yet.", removed.Text, StringComparison.Ordinal);
        Assert.Contains(SecurityEventWords.Describe(SecurityEventKind.PasskeyRemoved), removed.Document.QuerySelector("ol.activity-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.UserPasskeys.CountAsync(Token)));
    }
}
