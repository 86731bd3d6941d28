using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class OpinionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<HtmlPage> WriteOpinionAsync(AppClient client, string plan, Dictionary<string, string?> values)
    {
        var form = await client.GetAsync($"{plan}/opinion", Token);
        return await client.SubmitAsync(form, values, cancellationToken: Token);
    }

    private static Dictionary<string, string?> FirstOpinion(TestApp app) => new()
    {
        ["Input.Order"] = "First",
        ["Input.DoctorName"] = "Dr. Chen",
        ["Input.GivenOn"] = app.PlanDay(-30),
        ["Input.Diagnosis"] = "Severe narrowing of the aortic valve.",
        ["Input.Recommendation"] = "Open-heart valve replacement soon.",
    };

    /// <summary>A plan with Dr. Okafor on the list and a visit booked with her, and the first opinion written down.</summary>
    private static async Task<(AppClient Client, string Plan, int DoctorId)> PlanReadyForTheSecondOpinionAsync(TestApp app)
    {
        var (client, plan) = await app.SignedUpWithPlanAsync("Rosa Diaz", "Whether she needs heart surgery", Token);
        await client.AddDoctorAsync(plan, "Dr. Ada Okafor", "TeachingHospital", Token);
        var doctorId = await app.DoctorIdAsync(plan, "Dr. Ada Okafor", Token);
        var visit = await client.GetAsync($"{plan}/visit", Token);
        await client.SubmitAsync(visit, new Dictionary<string, string?>
        {
            ["Input.DoctorId"] = doctorId.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = app.PlanDay(-1),
            ["Input.Time"] = "10:00",
            ["Input.Place"] = "1 College Ave",
        }, "form[aria-labelledby=booking-heading]", Token);
        await WriteOpinionAsync(client, plan, FirstOpinion(app));
        return (client, plan, doctorId);
    }

    [Fact]
    public async Task Two_opinions_are_written_down_and_shown_side_by_side()
    {
        await using var app = new TestApp();
        var (client, plan, doctorId) = await PlanReadyForTheSecondOpinionAsync(app);
        using var _ = client;
        var before = await client.GetAsync($"{plan}/opinions", Token);
        Assert.Null(before.Document.QuerySelector("#compare-heading"));

        var form = await client.GetAsync($"{plan}/opinion", Token);
        Assert.Equal("Second", form.Document.QuerySelector("input[name='Input.Order']:checked")?.GetAttribute("value"));
        Assert.Equal(doctorId.ToString(CultureInfo.InvariantCulture), form.Value("Input_DoctorId"));
        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.GivenOn"] = app.PlanDay(),
            ["Input.Diagnosis"] = "Moderate narrowing of the aortic valve.",
            ["Input.Recommendation"] = "A valve replacement through a catheter, or watch it for six months.",
            ["Input.Notes"] = "She was very clear.",
        }, cancellationToken: Token);

        Assert.Equal($"{plan}/opinions", page.Url.AbsolutePath);
        Assert.Contains("Saved the second opinion.", page.Text, StringComparison.Ordinal);
        var first = page.Document.QuerySelector("#compare-first")!.ParentElement!.TextContent;
        var second = page.Document.QuerySelector("#compare-second")!.ParentElement!.TextContent;
        Assert.Contains("Dr. Chen", first, StringComparison.Ordinal);
        Assert.Contains("Severe narrowing", first, StringComparison.Ordinal);
        Assert.Contains("Dr. Ada Okafor", second, StringComparison.Ordinal);
        Assert.Contains("through a catheter", second, StringComparison.Ordinal);
        Assert.Equal(2, page.Document.QuerySelectorAll(".card-list > li").Length);
        var stored = await app.QueryAsync(db => db.Opinions.SingleAsync(o => o.Order == OpinionOrder.Second, Token));
        Assert.Equal(doctorId, stored.DoctorId);
        Assert.Equal("Dr. Ada Okafor", stored.DoctorName);
        Assert.Equal("In progress", (await client.GetAsync(plan, Token)).Document.QuerySelector("#step-6-status")!.TextContent);
    }

    [Fact]
    public async Task The_first_opinion_and_first_doctor_feed_the_visit_brief()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanReadyForTheSecondOpinionAsync(app);
        using var _ = client;

        var brief = await client.GetAsync($"{plan}/visit/brief", Token);

        var section = brief.Document.QuerySelector("#brief-first")!.ParentElement!.TextContent;
        Assert.Contains("Dr. Chen", section, StringComparison.Ordinal);
        Assert.Contains("Severe narrowing of the aortic valve.", section, StringComparison.Ordinal);
        Assert.Contains("Open-heart valve replacement soon.", section, StringComparison.Ordinal);
        Assert.Contains("With Dr. Ada Okafor", brief.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_the_opinions_different_explains_talking_it_over_and_a_third_opinion()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanReadyForTheSecondOpinionAsync(app);
        using var _ = client;
        var page = await WriteOpinionAsync(client, plan, new() { ["Input.GivenOn"] = app.PlanDay(), ["Input.Recommendation"] = "Wait and watch." });
        Assert.Null(page.Document.QuerySelector("#differ"));

        page = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Compare.Comparison"] = "Differ" }, "form[aria-labelledby=compare-heading]", Token);

        Assert.Contains("The two opinions are different.", page.Text, StringComparison.Ordinal);
        var differ = page.Document.QuerySelector("#differ")!.TextContent;
        Assert.Contains("Your two opinions are different", differ, StringComparison.Ordinal);
        Assert.Contains("Talk it over with both doctors", differ, StringComparison.Ordinal);
        Assert.Contains("third opinion", differ, StringComparison.Ordinal);
        Assert.Contains("Part B helps pay for a third opinion", differ, StringComparison.Ordinal);
        var third = page.Document.QuerySelector("#differ a")!.GetAttribute("href")!;
        var thirdForm = await client.GetAsync(third, Token);
        Assert.Equal("Third", thirdForm.Document.QuerySelector("input[name='Input.Order']:checked")?.GetAttribute("value"));

        page = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Compare.Comparison"] = "Agree" }, "form[aria-labelledby=compare-heading]", Token);
        Assert.Null(page.Document.QuerySelector("#differ"));
        Assert.Contains("Your two opinions agree", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("NotMarked")]
    [InlineData("Maybe")]
    public async Task Whether_they_agree_must_be_one_of_the_choices(string? comparison)
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanReadyForTheSecondOpinionAsync(app);
        using var _ = client;
        var page = await WriteOpinionAsync(client, plan, new() { ["Input.GivenOn"] = app.PlanDay(), ["Input.Recommendation"] = "Wait and watch." });

        page = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Compare.Comparison"] = comparison }, "form[aria-labelledby=compare-heading]", Token);

        Assert.NotNull(page.FieldError("Compare_Comparison"));
        Assert.Empty(await app.QueryAsync(db => db.PlanOutcomes.ToListAsync(Token)));
    }

    [Fact]
    public async Task An_opinion_needs_a_doctor_a_date_and_what_they_said()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var empty = await WriteOpinionAsync(client, plan, new() { ["Input.Notes"] = "Asked about recovery time." });
        Assert.Equal("Write the doctor's name, or choose the doctor from your list.", empty.FieldError("Input_DoctorName"));
        Assert.Equal("Enter the date the doctor gave this opinion.", empty.FieldError("Input_GivenOn"));
        Assert.Equal("Write what the doctor said the problem is, or what they recommend.", empty.FieldError("Input_Diagnosis"));
        Assert.Equal("Asked about recovery time.", empty.Value("Input_Notes"));

        var future = await WriteOpinionAsync(client, plan, new() { ["Input.DoctorName"] = "Dr. Chen", ["Input.GivenOn"] = app.PlanDay(1), ["Input.Diagnosis"] = "x" });
        Assert.Equal("Enter a date in the last 10 years, up to today.", future.FieldError("Input_GivenOn"));
        var ancient = await WriteOpinionAsync(client, plan, new() { ["Input.DoctorName"] = "Dr. Chen", ["Input.GivenOn"] = "2001-01-01", ["Input.Diagnosis"] = "x" });
        Assert.Equal("Enter a date in the last 10 years, up to today.", ancient.FieldError("Input_GivenOn"));
        var noOrder = await WriteOpinionAsync(client, plan, new() { ["Input.Order"] = "Fourth", ["Input.DoctorName"] = "Dr. Chen", ["Input.GivenOn"] = app.PlanDay(), ["Input.Diagnosis"] = "x" });
        Assert.NotNull(noOrder.FieldError("Input_Order"));

        Assert.Empty(await app.QueryAsync(db => db.Opinions.ToListAsync(Token)));
    }

    [Fact]
    public async Task A_doctor_from_the_list_and_a_typed_name_together_are_questioned()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Lee", Token);

        var both = await WriteOpinionAsync(client, plan, new()
        {
            ["Input.DoctorId"] = id.ToString(CultureInfo.InvariantCulture),
            ["Input.DoctorName"] = "Dr. Chen",
            ["Input.GivenOn"] = app.PlanDay(),
            ["Input.Diagnosis"] = "x",
        });

        Assert.StartsWith("You chose a doctor from your list.", both.FieldError("Input_DoctorName"), StringComparison.Ordinal);
        Assert.Empty(await app.QueryAsync(db => db.Opinions.ToListAsync(Token)));
    }

    [Theory]
    [InlineData("Input.DoctorName", 121)]
    [InlineData("Input.Diagnosis", 2001)]
    [InlineData("Input.Recommendation", 2001)]
    [InlineData("Input.Notes", 4001)]
    public async Task Over_long_opinion_text_gets_a_message(string field, int length)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var values = FirstOpinion(app);
        var text = new string('a', length);
        values[field] = text;

        var page = await WriteOpinionAsync(client, plan, values);

        var id = field.Replace('.', '_');
        Assert.Equal($"Keep this to {length - 1} characters or fewer.", page.FieldError(id));
        Assert.Equal(text, page.Value(id));
        Assert.Empty(await app.QueryAsync(db => db.Opinions.ToListAsync(Token)));
    }

    [Fact]
    public async Task There_is_only_one_first_opinion()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await WriteOpinionAsync(client, plan, FirstOpinion(app));

        var again = await WriteOpinionAsync(client, plan, FirstOpinion(app));

        Assert.Equal("You already wrote down the first opinion. Change that one instead, or choose another.", again.FieldError("Input_Order"));
        Assert.Single(await app.QueryAsync(db => db.Opinions.ToListAsync(Token)));
    }

    [Fact]
    public async Task A_doctor_or_opinion_of_another_plan_is_not_found()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var other = Journeys.PlanPath((await client.StartPlanAsync("Sam", cancellationToken: Token)).Url);
        await client.AddDoctorAsync(other, "Dr. Elsewhere", cancellationToken: Token);
        var doctorId = await app.DoctorIdAsync(other, "Dr. Elsewhere", Token);
        await WriteOpinionAsync(client, other, FirstOpinion(app));
        var opinionId = await app.QueryAsync(db => db.Opinions.Select(o => o.Id).SingleAsync(Token));

        var values = FirstOpinion(app);
        values["Input.DoctorId"] = doctorId.ToString(CultureInfo.InvariantCulture);
        values["Input.DoctorName"] = "";
        Assert.Equal(HttpStatusCode.NotFound, (await WriteOpinionAsync(client, plan, values)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan}/opinion/{opinionId}", Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan}/opinion/{opinionId}/delete", Token)).Status);
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(Token), ["Input.Order"] = "Second", ["Input.DoctorName"] = "Taken", ["Input.GivenOn"] = app.PlanDay(), ["Input.Diagnosis"] = "x" };
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{plan}/opinion/{opinionId}", fields, Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{plan}/opinion/{opinionId}/delete", fields, Token)).Status);
        Assert.Single(await app.QueryAsync(db => db.Opinions.ToListAsync(Token)));
    }

    [Fact]
    public async Task Changing_an_opinion_saves_and_a_stale_form_gets_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await WriteOpinionAsync(client, plan, FirstOpinion(app));
        var id = await app.QueryAsync(db => db.Opinions.Select(o => o.Id).SingleAsync(Token));
        var first = await client.GetAsync($"{plan}/opinion/{id}", Token);
        var second = await client.GetAsync($"{plan}/opinion/{id}", Token);
        Assert.Equal("Change an opinion", first.Heading);
        Assert.Equal("Dr. Chen", first.Value("Input_DoctorName"));

        await client.SubmitAsync(first, new Dictionary<string, string?> { ["Input.Notes"] = "Asked for the echo report." }, cancellationToken: Token);
        var conflict = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Input.Recommendation"] = "Surgery within three months." }, cancellationToken: Token);

        Assert.Contains("Someone else changed the opinions", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Surgery within three months.", conflict.Value("Input_Recommendation"));
        var saved = await client.SubmitAsync(conflict, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Contains("Saved the first opinion.", saved.Text, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.Opinions.SingleAsync(Token));
        Assert.Equal("Surgery within three months.", stored.Recommendation);
    }

    [Fact]
    public async Task Deleting_an_opinion_asks_first_and_removing_its_doctor_keeps_the_name()
    {
        await using var app = new TestApp();
        var (client, plan, doctorId) = await PlanReadyForTheSecondOpinionAsync(app);
        using var _ = client;
        await WriteOpinionAsync(client, plan, new() { ["Input.GivenOn"] = app.PlanDay(), ["Input.Diagnosis"] = "Moderate narrowing." });
        var doctorDelete = await client.GetAsync($"{plan}/doctor/{doctorId}/delete", Token);
        Assert.Contains("Your visit is with this doctor.", doctorDelete.Text, StringComparison.Ordinal);
        await client.SubmitAsync(doctorDelete, new Dictionary<string, string?>(), cancellationToken: Token);

        var opinions = await client.GetAsync($"{plan}/opinions", Token);
        Assert.Contains("Dr. Ada Okafor", opinions.Document.QuerySelector("#compare-second")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null((await app.QueryAsync(db => db.Visits.SingleAsync(Token))).DoctorId);

        var firstId = await app.QueryAsync(db => db.Opinions.Where(o => o.Order == OpinionOrder.First).Select(o => o.Id).SingleAsync(Token));
        var confirm = await client.GetAsync($"{plan}/opinion/{firstId}/delete", Token);
        Assert.Equal("Delete the first opinion?", confirm.Heading);
        var page = await client.SubmitAsync(confirm, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Contains("Deleted the first opinion.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#compare-heading"));
        Assert.Single(await app.QueryAsync(db => db.Opinions.ToListAsync(Token)));
    }

    [Fact]
    public async Task Deleting_an_opinion_from_a_stale_page_asks_again()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await WriteOpinionAsync(client, plan, FirstOpinion(app));
        var id = await app.QueryAsync(db => db.Opinions.Select(o => o.Id).SingleAsync(Token));
        var confirm = await client.GetAsync($"{plan}/opinion/{id}/delete", Token);
        var edit = await client.GetAsync($"{plan}/opinion/{id}", Token);
        await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Notes"] = "New note" }, cancellationToken: Token);

        var again = await client.SubmitAsync(confirm, new Dictionary<string, string?>(), cancellationToken: Token);

        Assert.Contains("Someone else changed this opinion", again.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("New note", again.Text, StringComparison.Ordinal);
        Assert.Single(await app.QueryAsync(db => db.Opinions.ToListAsync(Token)));
    }

    [Fact]
    public async Task Finishing_the_plan_needs_the_decision_shows_it_at_home_and_can_be_undone()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var page = await client.GetAsync($"{plan}/opinions", Token);

        var empty = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Finish.Decision"] = "  " }, "form[aria-labelledby=finish-heading]", Token);
        Assert.Equal("Write down the choice you made. A sentence is enough.", empty.FieldError("Finish_Decision"));
        var longDecision = new string('d', 2001);
        var tooLong = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Finish.Decision"] = longDecision }, "form[aria-labelledby=finish-heading]", Token);
        Assert.Equal("Keep this to 2000 characters or fewer.", tooLong.FieldError("Finish_Decision"));
        Assert.Equal(longDecision, tooLong.Value("Finish_Decision"));
        Assert.Empty(await app.QueryAsync(db => db.PlanOutcomes.ToListAsync(Token)));

        var finished = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Finish.Decision"] = "I will have the catheter procedure with Dr. Okafor." }, "form[aria-labelledby=finish-heading]", Token);
        Assert.Contains("Your plan is finished.", finished.Text, StringComparison.Ordinal);
        Assert.Contains("You finished this plan on", finished.Text, StringComparison.Ordinal);
        var home = await client.GetAsync(plan, Token);
        Assert.Contains("I will have the catheter procedure with Dr. Okafor.", home.Document.QuerySelector("#plan-finished")!.TextContent, StringComparison.Ordinal);

        var reopened = await client.SubmitAsync(finished, new Dictionary<string, string?>(), "form[action$='handler=Reopen']", Token);
        Assert.Contains("Your plan is open again.", reopened.Text, StringComparison.Ordinal);
        Assert.Null((await client.GetAsync(plan, Token)).Document.QuerySelector("#plan-finished"));
        Assert.Equal("I will have the catheter procedure with Dr. Okafor.", reopened.Value("Finish_Decision"));
    }

    [Fact]
    public async Task A_stale_decision_form_gets_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.SubmitAsync(await client.GetAsync($"{plan}/opinions", Token), new Dictionary<string, string?> { ["Finish.Decision"] = "Surgery" }, "form[aria-labelledby=finish-heading]", Token);
        var first = await client.GetAsync($"{plan}/opinions", Token);
        var second = await client.GetAsync($"{plan}/opinions", Token);
        await client.SubmitAsync(first, new Dictionary<string, string?> { ["Finish.Decision"] = "Surgery in May" }, "form[aria-labelledby=finish-heading]", Token);

        var conflict = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Finish.Decision"] = "No surgery" }, "form[aria-labelledby=finish-heading]", Token);

        Assert.Contains("Someone else changed this", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("No surgery", conflict.Value("Finish_Decision"));
        Assert.Equal("Surgery in May", (await app.QueryAsync(db => db.PlanOutcomes.SingleAsync(Token))).Decision);
        var reopenStale = await client.SubmitAsync(second, new Dictionary<string, string?>(), "form[action$='handler=Reopen']", Token);
        Assert.Contains("Someone else changed this", reopenStale.ErrorSummary, StringComparison.Ordinal);
        Assert.NotNull((await app.QueryAsync(db => db.PlanOutcomes.SingleAsync(Token))).FinishedAtUtc);
    }

    [Fact]
    public async Task A_stranger_gets_not_found_and_a_viewer_can_read_but_not_change()
    {
        await using var app = new TestApp();
        var (owner, plan, _) = await PlanReadyForTheSecondOpinionAsync(app);
        using var _ = owner;
        var id = await app.QueryAsync(db => db.Opinions.Select(o => o.Id).SingleAsync(Token));
        using var stranger = await app.OtherPersonAsync(plan, role: null, Token);
        using var viewer = await app.OtherPersonAsync(plan, PlanRole.Viewer, Token);
        var pages = new[] { "/opinions", "/opinion", $"/opinion/{id}", $"/opinion/{id}/delete" };

        foreach (var page in pages)
        {
            var get = await stranger.GetAsync(plan + page, Token);
            Assert.Equal(HttpStatusCode.NotFound, get.Status);
            Assert.DoesNotContain("Dr. Chen", get.Html, StringComparison.Ordinal);
        }

        var read = await viewer.GetAsync($"{plan}/opinions", Token);
        Assert.Contains("Dr. Chen", read.Text, StringComparison.Ordinal);
        Assert.Null(read.Document.QuerySelector("main form"));
        foreach (var page in pages.Skip(1))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(plan + page, Token)).Status);
        }

        foreach (var (who, status) in new[] { (stranger, HttpStatusCode.NotFound), (viewer, HttpStatusCode.Forbidden) })
        {
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await who.AntiforgeryTokenAsync(Token),
                ["Input.Order"] = "Second",
                ["Input.DoctorName"] = "Taken",
                ["Input.GivenOn"] = app.PlanDay(),
                ["Input.Diagnosis"] = "x",
                ["Compare.Comparison"] = "Differ",
                ["Finish.Decision"] = "Taken",
            };
            foreach (var page in new[] { "/opinion", $"/opinion/{id}", $"/opinion/{id}/delete", "/opinions?handler=Compare", "/opinions?handler=Finish", "/opinions?handler=Reopen" })
            {
                Assert.Equal(status, (await who.PostAsync(plan + page, fields, Token)).Status);
            }
        }

        Assert.Equal("Dr. Chen", (await app.QueryAsync(db => db.Opinions.SingleAsync(Token))).DoctorName);
        Assert.Empty(await app.QueryAsync(db => db.PlanOutcomes.ToListAsync(Token)));
    }
}
