using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class InsuranceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<HtmlPage> LogCallAsync(AppClient client, string plan, Dictionary<string, string?> values)
    {
        var form = await client.GetAsync($"{plan}/insurance/call", Token);
        return await client.SubmitAsync(form, values, cancellationToken: Token);
    }

    [Fact]
    public async Task Original_medicare_shows_its_facts_on_the_insurance_page_and_step_three_and_starts_the_step()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var page = await client.GetAsync($"{plan}/insurance", Token);
        Assert.Null(page.Document.QuerySelector("#facts-heading"));

        page = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Kind"] = "OriginalMedicare" }, cancellationToken: Token);

        Assert.Contains("Saved your kind of coverage.", page.Text, StringComparison.Ordinal);
        Assert.Equal("OriginalMedicare", page.Document.QuerySelector("input[name='Input.Kind']:checked")?.GetAttribute("value"));
        var facts = page.Document.QuerySelector("#facts-heading")!.ParentElement!.TextContent;
        Assert.Contains("Part B helps pay for a second opinion before surgery that is not an emergency", facts, StringComparison.Ordinal);
        Assert.Contains("third opinion", facts, StringComparison.Ordinal);
        Assert.Contains("20%", facts, StringComparison.Ordinal);
        Assert.Contains("You do not need a referral", facts, StringComparison.Ordinal);
        var step = await client.GetAsync($"{plan}/steps/3", Token);
        Assert.Contains("20%", step.Document.QuerySelector(".tool")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("In progress", (await client.GetAsync(plan, Token)).Document.QuerySelector("#step-3-status")!.TextContent);
    }

    [Theory]
    [InlineData("MedicareAdvantage", "in its network", "Part B")]
    [InlineData("EmployerOrPrivate", "Some states have laws", "Part B")]
    [InlineData("Medicaid", "not the same in every state", "Part B")]
    [InlineData("None", "pay for the visit yourself", "Part B")]
    [InlineData("NotSure", "Look at your insurance card", "pay for the visit yourself")]
    public async Task Each_kind_of_coverage_shows_the_facts_that_fit_it(string kind, string shown, string notShown)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/insurance", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Kind"] = kind }, cancellationToken: Token);

        var facts = page.Document.QuerySelector("#facts-heading")!.ParentElement!.TextContent;
        Assert.Contains(shown, facts, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_sure_shows_the_common_kinds_side_by_side()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/insurance", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Kind"] = "NotSure" }, cancellationToken: Token);

        var headings = page.Document.QuerySelector("#facts-heading")!.ParentElement!.QuerySelectorAll("h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["If you are not sure", "Original Medicare", "Medicare Advantage plans", "Plans from work and plans you buy"], headings);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Gold")]
    [InlineData("99")]
    public async Task The_kind_of_coverage_must_be_one_of_the_choices(string? kind)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/insurance", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Kind"] = kind }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Input_Kind"));
        Assert.Empty(await app.QueryAsync(db => db.InsuranceCoverages.ToListAsync(Token)));
    }

    [Fact]
    public async Task A_stale_coverage_form_gets_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var first = await client.GetAsync($"{plan}/insurance", Token);
        await client.SubmitAsync(first, new Dictionary<string, string?> { ["Input.Kind"] = "Medicaid" }, cancellationToken: Token);
        var second = await client.GetAsync($"{plan}/insurance", Token);
        await client.SubmitAsync(second, new Dictionary<string, string?> { ["Input.Kind"] = "None" }, cancellationToken: Token);

        var conflict = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Input.Kind"] = "OriginalMedicare" }, cancellationToken: Token);
        Assert.Contains("Someone else changed this answer", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("OriginalMedicare", conflict.Document.QuerySelector("input[name='Input.Kind']:checked")?.GetAttribute("value"));
        Assert.Equal(CoverageKind.None, (await app.QueryAsync(db => db.InsuranceCoverages.SingleAsync(Token))).Kind);

        await client.SubmitAsync(conflict, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Equal(CoverageKind.OriginalMedicare, (await app.QueryAsync(db => db.InsuranceCoverages.SingleAsync(Token))).Kind);
    }

    [Fact]
    public async Task A_new_call_starts_with_today_and_no_answers_and_its_answers_fill_the_guide()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/insurance/call", Token);
        Assert.Equal(app.PlanDay(), form.Value("Input_CalledOn"));
        Assert.Equal(6, form.Document.QuerySelectorAll("input[value=NotAsked]:checked").Length);
        Assert.Contains("Do you pay for a second opinion?", form.Text, StringComparison.Ordinal);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Company"] = "Blue Valley Health",
            ["Input.SpokeTo"] = "Marcus",
            ["Input.ReferenceNumber"] = "REF-20931",
            ["Input.Answers[0].Answer"] = "Yes",
            ["Input.Answers[0].Note"] = "Covered like a normal specialist visit.",
            ["Input.Answers[1].Answer"] = "No",
            ["Input.Answers[4].Answer"] = "NotSure",
            ["Input.Answers[4].Note"] = "Depends on the doctor's bill.",
        }, cancellationToken: Token);

        Assert.Equal($"{plan}/insurance", page.Url.AbsolutePath);
        Assert.Contains("Saved your call of", page.Text, StringComparison.Ordinal);
        var call = page.Document.QuerySelector(".card-list li")!.TextContent;
        Assert.Contains("Blue Valley Health", call, StringComparison.Ordinal);
        Assert.Contains("REF-20931", call, StringComparison.Ordinal);
        Assert.Contains("Marcus", call, StringComparison.Ordinal);
        var known = Findings(page, "What you know so far");
        Assert.Equal(["Do you pay for a second opinion?", "Do I need a referral from my doctor?"], known.Keys);
        Assert.Contains("Yes", known["Do you pay for a second opinion?"], StringComparison.Ordinal);
        Assert.Contains("Covered like a normal specialist visit.", known["Do you pay for a second opinion?"], StringComparison.Ordinal);
        var unknown = Findings(page, "Still to find out");
        Assert.Equal(4, unknown.Count);
        Assert.Contains("Not sure yet", unknown["How much will I pay?"], StringComparison.Ordinal);
        Assert.Contains("Not asked yet.", unknown["Is there anything my doctor must do first?"], StringComparison.Ordinal);
        Assert.Equal("In progress", (await client.GetAsync(plan, Token)).Document.QuerySelector("#step-3-status")!.TextContent);
        var step = await client.GetAsync($"{plan}/steps/3", Token);
        Assert.Equal(2, Findings(step, "What you know so far").Count);
    }

    [Fact]
    public async Task The_latest_answer_to_each_question_wins_across_calls()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await LogCallAsync(client, plan, new()
        {
            ["Input.CalledOn"] = app.PlanDay(-3),
            ["Input.Company"] = "Blue Valley Health",
            ["Input.Answers[0].Answer"] = "No",
            ["Input.Answers[1].Answer"] = "Yes",
            ["Input.Answers[2].Answer"] = "Yes",
        });
        // Logged later but about an earlier call: it must not override the newer answers.
        await LogCallAsync(client, plan, new()
        {
            ["Input.CalledOn"] = app.PlanDay(-10),
            ["Input.Company"] = "Blue Valley Health",
            ["Input.Answers[0].Answer"] = "Yes",
            ["Input.Answers[3].Answer"] = "No",
        });
        var page = await LogCallAsync(client, plan, new()
        {
            ["Input.CalledOn"] = app.PlanDay(),
            ["Input.Company"] = "Blue Valley Health",
            ["Input.Answers[0].Answer"] = "Yes",
            ["Input.Answers[2].Answer"] = "NotSure",
        });

        var known = Findings(page, "What you know so far");
        Assert.StartsWith("Yes", known["Do you pay for a second opinion?"], StringComparison.Ordinal);
        Assert.StartsWith("Yes", known["Do I need a referral from my doctor?"], StringComparison.Ordinal);
        Assert.StartsWith("No", known["Must the new doctor be in my plan's network?"], StringComparison.Ordinal);
        var unknown = Findings(page, "Still to find out");
        Assert.Contains("Not sure yet", unknown["Do I need your approval before the visit?"], StringComparison.Ordinal);
        Assert.Equal(3, page.Document.QuerySelectorAll(".card-list li").Length);
    }

    [Fact]
    public async Task A_new_call_suggests_the_company_of_the_latest_call()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await LogCallAsync(client, plan, new() { ["Input.Company"] = "Blue Valley Health" });

        var form = await client.GetAsync($"{plan}/insurance/call", Token);

        Assert.Equal("Blue Valley Health", form.Value("Input_Company"));
    }

    [Fact]
    public async Task A_call_needs_a_date_in_the_last_two_years_and_a_company()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var empty = await LogCallAsync(client, plan, new() { ["Input.CalledOn"] = "", ["Input.Company"] = " ", ["Input.SpokeTo"] = "Marcus" });
        Assert.Equal("Enter the date of the call.", empty.FieldError("Input_CalledOn"));
        Assert.Equal("Write the name of your insurance plan or company.", empty.FieldError("Input_Company"));
        Assert.Equal("Marcus", empty.Value("Input_SpokeTo"));

        var tomorrow = await LogCallAsync(client, plan, new() { ["Input.CalledOn"] = app.PlanDay(1), ["Input.Company"] = "Blue Valley" });
        Assert.Equal("Enter a date in the last two years, up to today.", tomorrow.FieldError("Input_CalledOn"));
        var longAgo = await LogCallAsync(client, plan, new() { ["Input.CalledOn"] = app.PlanDay(-740), ["Input.Company"] = "Blue Valley" });
        Assert.Equal("Enter a date in the last two years, up to today.", longAgo.FieldError("Input_CalledOn"));
        var notADate = await LogCallAsync(client, plan, new() { ["Input.CalledOn"] = "last Tuesday", ["Input.Company"] = "Blue Valley" });
        Assert.NotNull(notADate.FieldError("Input_CalledOn"));
        Assert.Equal("last Tuesday", notADate.Value("Input_CalledOn"));

        Assert.Empty(await app.QueryAsync(db => db.InsuranceCalls.ToListAsync(Token)));
    }

    [Theory]
    [InlineData("Input.Company", 121)]
    [InlineData("Input.SpokeTo", 121)]
    [InlineData("Input.ReferenceNumber", 61)]
    [InlineData("Input.Answers[3].Note", 1001)]
    public async Task Over_long_call_text_gets_a_message(string field, int length)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var text = new string('a', length);

        var page = await LogCallAsync(client, plan, new() { ["Input.Company"] = "Blue Valley", [field] = text });

        var id = field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        Assert.Equal($"Keep this to {length - 1} characters or fewer.", page.FieldError(id));
        Assert.Equal(text, page.Value(id));
        Assert.Empty(await app.QueryAsync(db => db.InsuranceCalls.ToListAsync(Token)));
    }

    [Fact]
    public async Task Answers_must_be_one_of_the_choices_and_a_missing_one_is_asked_for()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/insurance/call", Token);
        var token = form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var bad = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Company"] = "Blue Valley", ["Input.Answers[2].Answer"] = "Maybe" }, cancellationToken: Token);
        Assert.NotNull(bad.FieldError("Input_Answers_2__Answer"));

        var missing = await client.PostAsync($"{plan}/insurance/call", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.CalledOn"] = app.PlanDay(),
            ["Input.Company"] = "Blue Valley",
            ["Input.Answers[0].Answer"] = "Yes",
        }, Token);
        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.Equal("Choose an answer, or \"I did not ask this time\".", missing.FieldError("Input_Answers_5__Answer"));
        Assert.Equal(6, missing.Document.QuerySelectorAll(".question-block").Length);

        var tooMany = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.CalledOn"] = app.PlanDay(), ["Input.Company"] = "Blue Valley" };
        for (var i = 0; i < 7; i++)
        {
            tooMany[$"Input.Answers[{i}].Answer"] = "Yes";
        }

        var extra = await client.PostAsync($"{plan}/insurance/call", tooMany, Token);
        Assert.Contains("Answer each question", extra.ErrorSummary, StringComparison.Ordinal);
        Assert.Empty(await app.QueryAsync(db => db.InsuranceCalls.ToListAsync(Token)));
    }

    [Fact]
    public async Task Changing_a_call_saves_and_a_stale_form_gets_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await LogCallAsync(client, plan, new() { ["Input.Company"] = "Blue Valley", ["Input.Answers[0].Answer"] = "NotSure" });
        var id = await app.QueryAsync(db => db.InsuranceCalls.Select(c => c.Id).SingleAsync(Token));
        var first = await client.GetAsync($"{plan}/insurance/call/{id}", Token);
        var second = await client.GetAsync($"{plan}/insurance/call/{id}", Token);
        Assert.Equal("Change a call to your insurance", first.Heading);
        Assert.Equal("NotSure", first.Document.QuerySelector("input[name='Input.Answers[0].Answer']:checked")?.GetAttribute("value"));

        var saved = await client.SubmitAsync(first, new Dictionary<string, string?> { ["Input.Answers[0].Answer"] = "Yes", ["Input.Answers[0].Note"] = "Called back" }, cancellationToken: Token);
        Assert.StartsWith("Yes", Findings(saved, "What you know so far")["Do you pay for a second opinion?"], StringComparison.Ordinal);

        var conflict = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Input.SpokeTo"] = "Dana" }, cancellationToken: Token);
        Assert.Contains("Someone else changed this call", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Dana", conflict.Value("Input_SpokeTo"));
        var call = await app.QueryAsync(db => db.InsuranceCalls.SingleAsync(Token));
        Assert.Null(call.SpokeTo);
        Assert.Equal(CallAnswer.Yes, call.AnswerTo(InsuranceQuestion.Covered).Answer);
        Assert.Equal(6, call.Answers.Count);
    }

    [Fact]
    public async Task Deleting_a_call_asks_first_and_its_answers_stop_counting()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await LogCallAsync(client, plan, new() { ["Input.Company"] = "Blue Valley", ["Input.Answers[0].Answer"] = "Yes" });
        var id = await app.QueryAsync(db => db.InsuranceCalls.Select(c => c.Id).SingleAsync(Token));

        var confirm = await client.GetAsync($"{plan}/insurance/call/{id}/delete", Token);
        Assert.StartsWith("Delete your call of", confirm.Heading, StringComparison.Ordinal);
        var page = await client.SubmitAsync(confirm, new Dictionary<string, string?>(), cancellationToken: Token);

        Assert.Contains("Deleted your call of", page.Text, StringComparison.Ordinal);
        Assert.Contains("You do not have any answers yet.", page.Text, StringComparison.Ordinal);
        Assert.Empty(await app.QueryAsync(db => db.InsuranceCalls.ToListAsync(Token)));
    }

    [Fact]
    public async Task Deleting_a_call_from_a_stale_page_asks_again()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await LogCallAsync(client, plan, new() { ["Input.Company"] = "Blue Valley" });
        var id = await app.QueryAsync(db => db.InsuranceCalls.Select(c => c.Id).SingleAsync(Token));
        var confirm = await client.GetAsync($"{plan}/insurance/call/{id}/delete", Token);
        var edit = await client.GetAsync($"{plan}/insurance/call/{id}", Token);
        await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.SpokeTo"] = "Dana" }, cancellationToken: Token);

        var again = await client.SubmitAsync(confirm, new Dictionary<string, string?>(), cancellationToken: Token);

        Assert.Contains("Someone else changed this call", again.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("spoke to Dana", again.Text, StringComparison.Ordinal);
        Assert.Single(await app.QueryAsync(db => db.InsuranceCalls.ToListAsync(Token)));
    }

    [Fact]
    public async Task Another_plans_call_cannot_be_seen_changed_or_deleted()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var other = Journeys.PlanPath((await client.StartPlanAsync("Sam", cancellationToken: Token)).Url);
        await LogCallAsync(client, other, new() { ["Input.Company"] = "Other Health" });
        var id = await app.QueryAsync(db => db.InsuranceCalls.Select(c => c.Id).SingleAsync(Token));
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(Token), ["Input.CalledOn"] = app.PlanDay(), ["Input.Company"] = "Taken" };

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan}/insurance/call/{id}", Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan}/insurance/call/{id}/delete", Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{plan}/insurance/call/{id}", fields, Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{plan}/insurance/call/{id}/delete", fields, Token)).Status);
        Assert.Equal("Other Health", (await app.QueryAsync(db => db.InsuranceCalls.SingleAsync(Token))).Company);
    }

    [Fact]
    public async Task A_stranger_gets_not_found_and_a_viewer_can_read_but_not_change()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var coverage = await owner.GetAsync($"{plan}/insurance", Token);
        await owner.SubmitAsync(coverage, new Dictionary<string, string?> { ["Input.Kind"] = "Medicaid" }, cancellationToken: Token);
        await LogCallAsync(owner, plan, new() { ["Input.Company"] = "State Medicaid Plan" });
        var id = await app.QueryAsync(db => db.InsuranceCalls.Select(c => c.Id).SingleAsync(Token));
        using var stranger = await app.OtherPersonAsync(plan, role: null, Token);
        using var viewer = await app.OtherPersonAsync(plan, PlanRole.Viewer, Token);
        var pages = new[] { "/insurance", "/insurance/call", $"/insurance/call/{id}", $"/insurance/call/{id}/delete" };

        foreach (var page in pages)
        {
            var get = await stranger.GetAsync(plan + page, Token);
            Assert.Equal(HttpStatusCode.NotFound, get.Status);
            Assert.DoesNotContain("State Medicaid Plan", get.Html, StringComparison.Ordinal);
        }

        var read = await viewer.GetAsync($"{plan}/insurance", Token);
        Assert.Contains("State Medicaid Plan", read.Text, StringComparison.Ordinal);
        Assert.Contains("Medicaid", read.Document.QuerySelector("#coverage-heading")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.Null(read.Document.QuerySelector("main form"));
        Assert.Null(read.Document.QuerySelector("main a[href$='/delete']"));
        foreach (var page in pages.Skip(1))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(plan + page, Token)).Status);
        }

        foreach (var (who, status) in new[] { (stranger, HttpStatusCode.NotFound), (viewer, HttpStatusCode.Forbidden) })
        {
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await who.AntiforgeryTokenAsync(Token), ["Input.Kind"] = "None", ["Input.CalledOn"] = app.PlanDay(), ["Input.Company"] = "Taken" };
            foreach (var page in pages)
            {
                Assert.Equal(status, (await who.PostAsync(plan + page, fields, Token)).Status);
            }
        }

        Assert.Equal(CoverageKind.Medicaid, (await app.QueryAsync(db => db.InsuranceCoverages.SingleAsync(Token))).Kind);
        Assert.Equal("State Medicaid Plan", (await app.QueryAsync(db => db.InsuranceCalls.SingleAsync(Token))).Company);
    }

    /// <summary>The questions listed under a heading, each with the rest of its line.</summary>
    private static Dictionary<string, string> Findings(HtmlPage page, string heading)
    {
        var h2 = page.Document.QuerySelectorAll("main h2").FirstOrDefault(h => h.TextContent == heading);
        if (h2?.NextElementSibling is not { LocalName: "ul" } list)
        {
            return [];
        }

        return list.QuerySelectorAll("li").ToDictionary(
            li => li.QuerySelector(".finding-question")!.TextContent,
            li => li.TextContent.Replace(li.QuerySelector(".finding-question")!.TextContent, "", StringComparison.Ordinal).Trim());
    }
}
