using System.Net;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

public class PlanTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_plan_shows_six_steps_none_done_and_step_one_next()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        await client.SignUpAsync(cancellationToken: Token);

        var home = await client.StartPlanAsync("Maria Lopez", "Whether my mother needs hip surgery", Token);

        Assert.Equal("Plan for Maria Lopez", home.Heading);
        Assert.Contains("0 of 6 steps done", home.Text, StringComparison.Ordinal);
        Assert.Equal(6, home.Document.QuerySelectorAll(".task-list li").Length);
        Assert.Equal(6, home.Document.QuerySelectorAll(".task-list .tag--notstarted").Length);
        Assert.Contains("Step 1: Ask your doctor for a name", home.Document.QuerySelector(".panel--next")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_marked_done_with_notes_is_still_done_on_a_fresh_request()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var step = await client.GetAsync($"{plan}/steps/1", Token);
        var saved = await client.SubmitAsync(step, new Dictionary<string, string?>
        {
            ["Input.Notes"] = "Dr. Chen suggested Dr. Okafor at the university hospital.",
            ["Input.Status"] = "Done",
        }, cancellationToken: Token);
        Assert.Contains("Saved. Step 1 is done.", saved.Text, StringComparison.Ordinal);

        var home = await client.GetAsync(plan, Token);
        Assert.Contains("1 of 6 steps done", home.Text, StringComparison.Ordinal);
        Assert.Contains("Step 2: Ask someone you trust", home.Document.QuerySelector(".panel--next")!.TextContent, StringComparison.Ordinal);
        var reread = await client.GetAsync($"{plan}/steps/1", Token);
        Assert.Equal("Dr. Chen suggested Dr. Okafor at the university hospital.", reread.Value("Input_Notes"));
        Assert.Equal("Done", reread.Document.QuerySelector("input[name='Input.Status']:checked")?.GetAttribute("value"));
    }

    [Fact]
    public async Task One_account_can_hold_several_plans()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        await client.SignUpAsync(cancellationToken: Token);

        await client.StartPlanAsync(cancellationToken: Token);
        await client.StartPlanAsync("Sam Lopez", cancellationToken: Token);
        var plans = await client.GetAsync("/plans", Token);

        var titles = plans.Document.QuerySelectorAll(".plan-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Plan for Sam Lopez", "Your plan"], titles);
    }

    [Fact]
    public async Task Nothing_is_lost_when_the_app_restarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "secondopinion-tests", Guid.NewGuid().ToString("N"));
        var email = Journeys.NewEmail();
        string plan;
        await using (var first = new TestApp(folder: folder))
        {
            using var client = new AppClient(first);
            await client.SignUpAsync(email, Token);
            plan = Journeys.PlanPath((await client.StartPlanAsync("Ana Ruiz", cancellationToken: Token)).Url);
            var step = await client.GetAsync($"{plan}/steps/3", Token);
            await client.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Status"] = "InProgress", ["Input.Notes"] = "Call on Monday" }, cancellationToken: Token);
        }

        await using var second = new TestApp(folder: folder);
        using var again = new AppClient(second);
        await again.SignInAsync(email, cancellationToken: Token);
        var home = await again.GetAsync(plan, Token);

        Assert.Equal("Plan for Ana Ruiz", home.Heading);
        Assert.Single(home.Document.QuerySelectorAll(".task-list .tag--inprogress"));
    }

    [Fact]
    public async Task Anonymous_people_are_sent_to_sign_in()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app, followRedirects: false);

        var page = await client.GetAsync($"/plans/{Guid.NewGuid()}", Token);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/sign-in", page.Url.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fplans%2F", page.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_landing_page_explains_the_six_steps_without_an_account()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);

        var page = await client.GetAsync("/", Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(6, page.Document.QuerySelectorAll(".steps-overview li").Length);
        Assert.Contains("Create an account to start", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/steps/4")]
    [InlineData("/details")]
    public async Task A_stranger_gets_not_found_on_someone_elses_plan(string page)
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync("Maria Lopez", cancellationToken: Token);
        owner.Dispose();
        using var stranger = new AppClient(app);
        await stranger.SignUpAsync(cancellationToken: Token);

        var get = await stranger.GetAsync(plan + page, Token);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.DoesNotContain("Maria", get.Html, StringComparison.Ordinal);

        // A stranger who posts a well-formed form (with their own valid token) is refused too.
        var ownForm = await stranger.GetAsync("/plans/new", Token);
        var token = ownForm.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await stranger.PostAsync(plan + (page.Length == 0 ? "/steps/1" : page), new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Status"] = "Done",
            ["Input.For"] = "Myself",
            ["Input.TimeZoneId"] = "America/New_York",
        }, Token);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var page = await client.PostAsync($"{plan}/steps/1", new Dictionary<string, string> { ["Input.Status"] = "Done" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("We could not accept that form", page.Heading);
        var home = await client.GetAsync(plan, Token);
        Assert.Contains("0 of 6 steps done", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_for_someone_else_needs_their_name()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        await client.SignUpAsync(cancellationToken: Token);
        var form = await client.GetAsync("/plans/new", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.For"] = "SomeoneIHelp",
            ["Input.About"] = "Heart valve surgery",
        }, cancellationToken: Token);

        Assert.Equal("Write the name of the person you are helping.", page.FieldError("Input_PatientName"));
        Assert.Equal("Heart valve surgery", page.Value("Input_About"));
        Assert.Equal("SomeoneIHelp", page.Document.QuerySelector("input[name='Input.For']:checked")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Over_long_input_gets_a_message_not_an_error_page_and_nothing_is_saved()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        await client.SignUpAsync(cancellationToken: Token);
        var form = await client.GetAsync("/plans/new", Token);
        var longAbout = new string('a', 301);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.For"] = "SomeoneIHelp",
            ["Input.PatientName"] = new string('n', 101),
            ["Input.About"] = longAbout,
        }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("A name can be at most 100 characters.", page.FieldError("Input_PatientName"));
        Assert.StartsWith("Keep this to 300 characters or fewer.", page.FieldError("Input_About"), StringComparison.Ordinal);
        Assert.Equal(longAbout, page.Value("Input_About"));
        var plans = await client.GetAsync("/plans", Token);
        Assert.Empty(plans.Document.QuerySelectorAll(".plan-title"));
    }

    [Fact]
    public async Task Over_long_notes_get_a_message_and_the_notes_stay_in_the_box()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var step = await client.GetAsync($"{plan}/steps/2", Token);
        var notes = new string('x', 4001);

        var page = await client.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Notes"] = notes, ["Input.Status"] = "Done" }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Notes can be at most 4000 characters.", page.FieldError("Input_Notes"), StringComparison.Ordinal);
        Assert.Equal(notes, page.Value("Input_Notes"));
        var home = await client.GetAsync(plan, Token);
        Assert.Contains("0 of 6 steps done", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_that_is_not_one_of_the_choices_is_refused()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var step = await client.GetAsync($"{plan}/steps/2", Token);

        var page = await client.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Status"] = "Finished!" }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Input_Status"));
    }

    [Fact]
    public async Task Two_people_saving_the_same_step_get_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (first, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = first;
        var firstForm = await first.GetAsync($"{plan}/steps/3", Token);
        var secondForm = await first.GetAsync($"{plan}/steps/3", Token);

        await first.SubmitAsync(firstForm, new Dictionary<string, string?> { ["Input.Notes"] = "Insurer says covered", ["Input.Status"] = "Done" }, cancellationToken: Token);
        var conflict = await first.SubmitAsync(secondForm, new Dictionary<string, string?> { ["Input.Notes"] = "Still waiting to call", ["Input.Status"] = "InProgress" }, cancellationToken: Token);

        Assert.Contains("Someone else changed this step", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Still waiting to call", conflict.Value("Input_Notes"));
        Assert.Contains("Insurer says covered", conflict.Document.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);

        var saved = await first.SubmitAsync(conflict, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Contains("Saved. Step 3 is in progress.", saved.Text, StringComparison.Ordinal);
        Assert.Equal("Still waiting to call", saved.Value("Input_Notes"));
    }

    [Fact]
    public async Task Plan_details_are_saved_and_a_bad_date_is_explained()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync("Ana Ruiz", cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/details", Token);

        var bad = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.PatientDateOfBirth"] = "not a date",
            ["Input.TimeZoneId"] = "Mars/Olympus",
        }, cancellationToken: Token);
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.FieldError("Input_PatientDateOfBirth"));
        Assert.Equal("Choose a time zone from the list.", bad.FieldError("Input_TimeZoneId"));

        var future = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.PatientDateOfBirth"] = app.Clock.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken: Token);
        Assert.Equal("Enter a date of birth between 1900 and today.", future.FieldError("Input_PatientDateOfBirth"));

        var saved = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.PatientName"] = "Ana María Ruiz",
            ["Input.PatientDateOfBirth"] = "1948-03-15",
            ["Input.TimeZoneId"] = "America/Chicago",
        }, cancellationToken: Token);
        Assert.Equal("Plan for Ana María Ruiz", saved.Heading);
        var reread = await client.GetAsync($"{plan}/details", Token);
        Assert.Equal("1948-03-15", reread.Value("Input_PatientDateOfBirth"));
        Assert.Equal("America/Chicago", reread.Value("Input_TimeZoneId"));
    }
}
