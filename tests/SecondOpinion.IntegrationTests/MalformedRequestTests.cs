using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

/// <summary>Requests no browser sends, as an attacker or a broken client would: each gets a calm 4xx page, never a 500, and no status comes from the request.</summary>
public class MalformedRequestTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_nul_byte_in_a_form_value_gets_a_calm_400_page()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var token = await SignInFormTokenAsync(client);

        var page = await client.PostAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "maria@example.com",
            ["Input.Password"] = "\0",
        }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("We could not accept that form", page.Heading);
    }

    [Fact]
    public async Task Control_characters_in_typed_text_are_dropped_but_line_breaks_and_tabs_stay()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var list = await client.AddQuestionAsync(plan, "Is\u0007 it\u001b[31m safe\u0085?\r\nAnd\tafter\u007f?", Token);

        Assert.Equal(["Is it[31m safe?\r\nAnd\tafter?"], await app.QueryAsync(db => db.Questions.Select(q => q.Text).ToListAsync(Token)));
        Assert.DoesNotContain('\u0007', list.Html);
    }

    [Fact]
    public async Task Too_many_form_values_or_one_too_long_get_a_calm_400_page()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var token = await SignInFormTokenAsync(client);
        var many = Enumerable.Range(0, 1100).ToDictionary(i => $"f{i}", _ => "1");
        many["__RequestVerificationToken"] = token;

        var tooMany = await client.PostAsync("/account/sign-in", many, Token);
        var tooLong = await client.PostAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = new string('a', 5 * 1024 * 1024),
        }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal("We could not accept that form", tooMany.Heading);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal("We could not accept that form", tooLong.Heading);
    }

    [Fact]
    public async Task A_ticked_box_sent_as_on_is_read_as_ticked_and_never_logged()
    {
        await using var app = new TestApp(minimumLogLevel: "Verbose");
        var email = Journeys.NewEmail();
        using (var first = new AppClient(app))
        {
            await first.SignUpAsync(email, Token);
        }

        using var client = new AppClient(app);
        var form = await client.GetAsync("/account/sign-in", Token);
        var wrong = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "not the password at all",
            ["Input.RememberMe"] = "on",
        }, cancellationToken: Token);
        var strange = await client.SubmitAsync(wrong, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "not the password at all",
            ["Input.RememberMe"] = "maybe<b>",
        }, cancellationToken: Token);
        var right = await client.SubmitAsync(strange, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Journeys.Password,
            ["Input.RememberMe"] = "on",
        }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.True(wrong.Document.QuerySelector("#Input_RememberMe")!.HasAttribute("checked"));
        Assert.Equal(HttpStatusCode.OK, strange.Status);
        Assert.False(strange.Document.QuerySelector("#Input_RememberMe")!.HasAttribute("checked"));
        Assert.Equal("/plans", right.Url.AbsolutePath);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("maybe", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("200")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task The_error_page_takes_no_status_from_the_url(string code)
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);

        var page = await client.GetAsync($"/error?code={code}", Token);
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/error?code={code}");
        using var headResponse = await client.Http.SendAsync(head, Token);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("We could not find that page", page.Heading);
        Assert.Equal(HttpStatusCode.NotFound, headResponse.StatusCode);
    }

    [Fact]
    public async Task Head_with_code_100_answers_at_once()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        using var head = new HttpRequestMessage(HttpMethod.Head, "/error?code=100");
        using var response = await client.Http.SendAsync(head, timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_failed_reset_post_shows_a_calm_400_page_even_with_a_code_field()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);

        var noToken = await client.PostAsync("/account/reset-password", new Dictionary<string, string> { ["Code"] = "abc" }, Token);
        var postToError = await client.PostAsync("/error", new Dictionary<string, string> { ["code"] = "999" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Equal("We could not accept that form", noToken.Heading);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postToError.Status);
    }

    [Fact]
    public async Task Every_page_answers_a_method_or_handler_it_does_not_have_with_a_calm_4xx()
    {
        await using var app = new TestApp();
        // On a clinic's staff and owner of a plan, so the clinic's pages and the plan's are really tried, not refused at the door.
        var (client, clinic) = await app.ClinicWithStaffAsync();
        using var _ = client;
        var planId = TestData.PlanId(Journeys.PlanPath((await client.StartPlanAsync("Maria Lopez", cancellationToken: Token)).Url));
        var clinicId = ClinicJourneys.ClinicId(clinic);
        var token = await client.AntiforgeryTokenAsync(Token);
        var failures = new List<string>();

        // Deleting the plan ends the plan and signing out the session the other requests need, so their pages come last.
        foreach (var route in Endpoints.Pages(app).OrderBy(r => r.Template switch { "account/sign-out" => 2, "plans/{planId:guid}/delete" => 1, _ => 0 }))
        {
            var path = Endpoints.PathFor(route.Template, planId, clinicId);
            foreach (var method in new[] { "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS" })
            {
                await ExpectAsync(method, path, method is "TRACE" or "OPTIONS" ? null : token, status => status is >= 400 and < 500 || method is "OPTIONS" && status == 204);
            }

            await ExpectAsync("GET", $"{path}?handler=nope", null, status => status is >= 200 and < 500);
            await ExpectAsync("POST", $"{path}?handler=nope", token, status => status is >= 200 and < 500);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        async Task ExpectAsync(string method, string url, string? antiforgery, Func<int, bool> acceptable)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (antiforgery is not null)
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery });
            }

            using var response = await client.Http.SendAsync(request, Token);
            var body = await response.Content.ReadAsStringAsync(Token);
            if (!acceptable((int)response.StatusCode))
            {
                failures.Add($"{method} {url} answered {(int)response.StatusCode}");
            }
            else if (response.RequestMessage?.RequestUri?.AbsolutePath == "/account/sign-in" && !url.StartsWith("/account/", StringComparison.Ordinal))
            {
                failures.Add($"{method} {url} was sent to sign in, so the signed-in page was not tried");
            }
            else if ((int)response.StatusCode is 405 && response.Content.Headers.Allow.Count == 0)
            {
                failures.Add($"{method} {url} answered 405 without Allow");
            }
            else if (body.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{method} {url} showed an exception");
            }
        }
    }

    [Fact]
    public async Task The_error_page_opened_directly_is_not_found()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);

        var page = await client.GetAsync("/error", Token);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Go to your plans", page.Text, StringComparison.Ordinal);
    }

    private static async Task<string> SignInFormTokenAsync(AppClient client)
    {
        var form = await client.GetAsync("/account/sign-in", Token);
        return form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
