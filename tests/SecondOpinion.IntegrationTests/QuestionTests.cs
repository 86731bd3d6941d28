using System.Net;
using AngleSharp.Html.Dom;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class QuestionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_a_question_puts_it_at_the_end_of_the_list_and_starts_step_five()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        await client.AddQuestionAsync(plan, "Is surgery my only choice?", Token);
        var list = await client.AddQuestionAsync(plan, "  How long is the recovery?  ", Token);

        Assert.Contains("Your question is added at the end of the list.", list.Text, StringComparison.Ordinal);
        Assert.Equal(["Is surgery my only choice?", "How long is the recovery?"], list.QuestionTexts());
        Assert.Equal(2, list.Document.QuerySelectorAll(".question-list .tag--notstarted").Length);
        var step = await client.GetAsync($"{plan}/steps/5", Token);
        Assert.Contains("In progress", step.Document.QuerySelector(".tag")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your list has 2 questions, and 0 are asked.", step.Text, StringComparison.Ordinal);
        Assert.Equal(["Is surgery my only choice?", "How long is the recovery?"],
            step.Document.QuerySelectorAll(".tool-summary ol li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task Adding_a_question_never_undoes_a_step_marked_done()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var step = await client.GetAsync($"{plan}/steps/5", Token);
        await client.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Status"] = "Done" }, "main form[aria-labelledby=notes-heading]", Token);

        await client.AddQuestionAsync(plan, "One more thing to ask", Token);

        var home = await client.GetAsync(plan, Token);
        Assert.Equal("Done", home.Document.GetElementById("step-5-status")!.TextContent);
    }

    [Fact]
    public async Task Question_text_is_always_shown_as_text()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        const string Sneaky = "<script>alert('x')</script><b>bold</b>";

        var list = await client.AddQuestionAsync(plan, Sneaky, Token);
        var step = await client.GetAsync($"{plan}/steps/5", Token);
        var print = await client.GetAsync($"{plan}/questions/print", Token);

        foreach (var page in new[] { list, step, print })
        {
            Assert.DoesNotContain("<b>bold</b>", page.Html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", page.Html, StringComparison.Ordinal);
        }

        Assert.Equal([Sneaky], list.QuestionTexts());
    }

    [Fact]
    public async Task An_empty_question_is_refused_with_a_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var page = await client.AddQuestionAsync(plan, "   ", Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Write your question.", page.FieldError("Input_Text"));
        Assert.Contains("Write your question.", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Empty(page.QuestionTexts());
    }

    [Fact]
    public async Task A_question_can_be_500_characters_but_not_501_and_what_was_typed_stays()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var tooLong = new string('a', 501);

        var refused = await client.AddQuestionAsync(plan, tooLong, Token);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.StartsWith("A question can be at most 500 characters.", refused.FieldError("Input_Text"), StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.Value("Input_Text"));
        Assert.Empty(refused.QuestionTexts());

        var added = await client.AddQuestionAsync(plan, new string('b', 500), Token);
        Assert.Equal([new string('b', 500)], added.QuestionTexts());
    }

    [Fact]
    public async Task A_list_holds_at_most_200_questions_and_deleted_ones_do_not_count()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await app.AddQuestionsDirectlyAsync(plan, QuestionList.MaxQuestions, Token);

        var refused = await client.AddQuestionAsync(plan, "Question 201", Token);
        Assert.StartsWith("Your list already holds 200 questions", refused.FieldError("Input_Text"), StringComparison.Ordinal);
        Assert.Equal("Question 201", refused.Value("Input_Text"));
        Assert.Equal(200, refused.QuestionTexts().Count);

        var suggestions = await client.GetAsync($"{plan}/questions/suggestions", Token);
        Assert.Contains("Your list already holds 200 questions", suggestions.Text, StringComparison.Ordinal);
        Assert.Null(suggestions.Document.QuerySelector("main form[method=post]"));

        var afterDelete = await SubmitQuestionFormAsync(client, refused, refused.QuestionTexts().Count - 1, "Delete");
        var added = await client.AddQuestionAsync(plan, "Question 201", Token);
        Assert.Equal(200, added.QuestionTexts().Count);
        Assert.Equal("Question 201", added.QuestionTexts()[^1]);

        var restore = await client.SubmitAsync(afterDelete, new Dictionary<string, string?>(), "form[action$='handler=Restore']", Token);
        Assert.Contains("Your list already holds 200 questions", restore.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(200, restore.QuestionTexts().Count);
    }

    [Fact]
    public async Task Several_suggested_questions_are_added_at_once_in_the_order_shown()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var page = await client.GetAsync($"{plan}/questions/suggestions", Token);
        Assert.Equal(SuggestedQuestions.All.Count(), page.Document.QuerySelectorAll("input[type=checkbox][name=Picked]").Length);
        Assert.Contains("Why ask this: This is the main reason to get a second opinion.", page.Text, StringComparison.Ordinal);

        var list = await TickAndSubmitAsync(client, page, "second-in-my-place", "diagnosis-how-sure", "second-agree-diagnosis");

        Assert.Contains("3 questions are added at the end of your list.", list.Text, StringComparison.Ordinal);
        Assert.Equal(["How sure are you about my diagnosis?", "Do you agree with the diagnosis?", "What would you do in my place?"], list.QuestionTexts());
        var again = await client.GetAsync($"{plan}/questions/suggestions", Token);
        Assert.Equal(3, again.Document.QuerySelectorAll(".suggestion--on-list").Length);
        Assert.Null(again.Document.QuerySelector("input[value='diagnosis-how-sure']"));
        var home = await client.GetAsync(plan, Token);
        Assert.Equal("In progress", home.Document.GetElementById("step-5-status")!.TextContent);
    }

    [Fact]
    public async Task A_suggestion_already_on_the_list_is_not_added_twice()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var first = await client.GetAsync($"{plan}/questions/suggestions", Token);
        var second = await client.GetAsync($"{plan}/questions/suggestions", Token);
        await TickAndSubmitAsync(client, first, "costs-how-much");

        var list = await TickAndSubmitAsync(client, second, "costs-how-much");

        Assert.Contains("Those questions are already on your list.", list.Text, StringComparison.Ordinal);
        Assert.Single(list.QuestionTexts());
    }

    [Fact]
    public async Task Picking_no_suggestion_asks_for_one_and_an_unknown_one_is_not_found()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var page = await client.GetAsync($"{plan}/questions/suggestions", Token);

        var none = await client.SubmitAsync(page, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal("Tick at least one question to add to your list.", none.FieldError("Picked"));
        Assert.NotNull(none.Document.GetElementById("Picked"));

        var unknown = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Picked"] = "not-a-suggestion" }, cancellationToken: Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Empty((await client.GetAsync($"{plan}/questions", Token)).QuestionTexts());
    }

    [Fact]
    public async Task Ticking_more_suggestions_than_the_list_has_room_for_is_refused_and_the_ticks_stay()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await app.AddQuestionsDirectlyAsync(plan, QuestionList.MaxQuestions - 1, Token);
        var page = await client.GetAsync($"{plan}/questions/suggestions", Token);

        var refused = await TickAndSubmitAsync(client, page, "recovery-drive", "recovery-work");

        Assert.Equal("Your list has room for 1 more question, and you ticked 2. Tick fewer, or delete questions you no longer need.", refused.FieldError("Picked"));
        Assert.Equal(2, refused.Document.QuerySelectorAll("input[name=Picked]:checked").Length);
        ((IHtmlInputElement)refused.Document.QuerySelector("input[value='recovery-work']")!).IsChecked = false;
        var list = await client.SubmitAsync(refused, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Equal(QuestionList.MaxQuestions, list.QuestionTexts().Count);
        Assert.Equal("When can I drive again?", list.QuestionTexts()[^1]);
    }

    [Fact]
    public async Task A_question_is_changed_marked_asked_and_answered_on_its_page()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var list = await client.AddQuestionAsync(plan, "Is surgery needed?", Token);
        var edit = await client.GetAsync(QuestionLink(list, 0), Token);
        Assert.Equal("Is surgery needed?", edit.Value("Input_Text"));
        Assert.Equal("False", edit.Document.QuerySelector("input[name='Input.Asked']:checked")?.GetAttribute("value"));

        var saved = await client.SubmitAsync(edit, new Dictionary<string, string?>
        {
            ["Input.Text"] = "Is surgery needed now?",
            ["Input.Asked"] = "True",
            ["Input.Answer"] = "Not now. Try physical therapy for 6 weeks first.",
        }, cancellationToken: Token);

        Assert.Contains("Your changes to the question are saved.", saved.Text, StringComparison.Ordinal);
        Assert.Equal(["Is surgery needed now?"], saved.QuestionTexts());
        Assert.NotNull(saved.Document.QuerySelector(".question-list .tag--done"));
        Assert.Contains("Not now. Try physical therapy for 6 weeks first.", saved.Document.QuerySelector(".question__answer")!.TextContent, StringComparison.Ordinal);
        var reread = await client.GetAsync(QuestionLink(saved, 0), Token);
        Assert.Equal("True", reread.Document.QuerySelector("input[name='Input.Asked']:checked")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Each_rule_of_the_question_page_has_a_message_and_keeps_what_was_typed()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var list = await client.AddQuestionAsync(plan, "Is surgery needed?", Token);
        var edit = await client.GetAsync(QuestionLink(list, 0), Token);
        var longAnswer = new string('x', Question.AnswerMaxLength + 1);

        var empty = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Text"] = "", ["Input.Answer"] = "Kept answer" }, cancellationToken: Token);
        Assert.Equal("Write your question.", empty.FieldError("Input_Text"));
        Assert.Equal("Kept answer", empty.Value("Input_Answer"));

        var tooLong = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Text"] = new string('q', 501), ["Input.Answer"] = longAnswer }, cancellationToken: Token);
        Assert.StartsWith("A question can be at most 500 characters.", tooLong.FieldError("Input_Text"), StringComparison.Ordinal);
        Assert.StartsWith("An answer can be at most 4000 characters.", tooLong.FieldError("Input_Answer"), StringComparison.Ordinal);
        Assert.Equal(longAnswer, tooLong.Value("Input_Answer"));

        var noChoice = await client.PostAsync(edit.Url.AbsolutePath, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(edit),
            ["Input.Text"] = "Is surgery needed?",
            ["Input.Asked"] = "Maybe",
        }, Token);
        Assert.Equal(HttpStatusCode.OK, noChoice.Status);
        Assert.NotNull(noChoice.FieldError("Input_Asked"));

        Assert.Equal(["Is surgery needed?"], (await client.GetAsync($"{plan}/questions", Token)).QuestionTexts());
    }

    [Fact]
    public async Task An_edit_based_on_an_old_version_shows_both_versions_and_overwrites_nothing()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var list = await client.AddQuestionAsync(plan, "Is surgery needed?", Token);
        var mine = await client.GetAsync(QuestionLink(list, 0), Token);
        var theirs = await client.GetAsync(QuestionLink(list, 0), Token);
        await client.SubmitAsync(theirs, new Dictionary<string, string?> { ["Input.Text"] = "Their words", ["Input.Answer"] = "Their answer" }, cancellationToken: Token);

        var conflict = await client.SubmitAsync(mine, new Dictionary<string, string?> { ["Input.Text"] = "My words" }, cancellationToken: Token);

        Assert.Contains("This question was changed by someone else", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("Their words", conflict.Document.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Their answer", conflict.Document.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("My words", conflict.Value("Input_Text"));
        Assert.Equal(["Their words"], (await client.GetAsync($"{plan}/questions", Token)).QuestionTexts());

        var saved = await client.SubmitAsync(conflict, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Equal(["My words"], saved.QuestionTexts());
    }

    [Fact]
    public async Task Saving_a_question_someone_else_deleted_says_so_and_saving_again_brings_it_back()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var list = await client.AddQuestionAsync(plan, "Is surgery needed?", Token);
        var edit = await client.GetAsync(QuestionLink(list, 0), Token);
        await SubmitQuestionFormAsync(client, list, 0, "Delete");

        var conflict = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Answer"] = "Yes, within a month" }, cancellationToken: Token);
        Assert.Contains("This question was deleted by someone else", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Yes, within a month", conflict.Value("Input_Answer"));
        Assert.Empty((await client.GetAsync($"{plan}/questions", Token)).QuestionTexts());

        var saved = await client.SubmitAsync(conflict, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Equal(["Is surgery needed?"], saved.QuestionTexts());
        Assert.Contains("Yes, within a month", saved.Document.QuerySelector(".question__answer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_question_can_be_brought_back_to_its_place()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddQuestionAsync(plan, "First", Token);
        await client.AddQuestionAsync(plan, "Second", Token);
        var list = await client.AddQuestionAsync(plan, "Third", Token);
        var secondLink = QuestionLink(list, 1);

        var deleted = await SubmitQuestionFormAsync(client, list, 1, "Delete");
        Assert.Equal(["First", "Third"], deleted.QuestionTexts());
        Assert.Contains("You deleted this question: Second", deleted.Document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(secondLink, Token)).Status);
        Assert.Null((await client.GetAsync($"{plan}/questions", Token)).Document.QuerySelector("form[action$='handler=Restore']"));

        var restored = await client.SubmitAsync(deleted, new Dictionary<string, string?>(), "form[action$='handler=Restore']", Token);
        Assert.Contains("The question is back on your list.", restored.Text, StringComparison.Ordinal);
        Assert.Equal(["First", "Second", "Third"], restored.QuestionTexts());
    }

    [Fact]
    public async Task Move_up_and_move_down_change_the_order()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddQuestionAsync(plan, "A", Token);
        await client.AddQuestionAsync(plan, "B", Token);
        var list = await client.AddQuestionAsync(plan, "C", Token);
        Assert.DoesNotContain(list.Document.QuerySelectorAll(".question-list li:first-child button"), b => b.TextContent.StartsWith("Move up", StringComparison.Ordinal));
        Assert.DoesNotContain(list.Document.QuerySelectorAll(".question-list li:last-child button"), b => b.TextContent.StartsWith("Move down", StringComparison.Ordinal));

        var up = await SubmitQuestionFormAsync(client, list, 2, "Move", "Move up");
        Assert.Equal(["A", "C", "B"], up.QuestionTexts());

        var down = await SubmitQuestionFormAsync(client, up, 0, "Move", "Move down");
        Assert.Equal(["C", "A", "B"], down.QuestionTexts());
        var print = await client.GetAsync($"{plan}/questions/print", Token);
        Assert.Equal(["C", "A", "B"], print.Document.QuerySelectorAll(".print-questions__text").Select(p => p.TextContent));
    }

    [Fact]
    public async Task A_move_based_on_an_old_order_is_refused_and_says_so()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddQuestionAsync(plan, "A", Token);
        await client.AddQuestionAsync(plan, "B", Token);
        var stale = await client.AddQuestionAsync(plan, "C", Token);
        await SubmitQuestionFormAsync(client, stale, 2, "Move", "Move up");

        var refused = await SubmitQuestionFormAsync(client, stale, 1, "Move", "Move up");

        Assert.Contains("Someone else changed the list", refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(["A", "C", "B"], refused.QuestionTexts());
    }

    [Fact]
    public async Task A_move_never_clashes_with_an_edit_in_progress()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddQuestionAsync(plan, "A", Token);
        var list = await client.AddQuestionAsync(plan, "B", Token);
        var edit = await client.GetAsync(QuestionLink(list, 0), Token);

        await SubmitQuestionFormAsync(client, list, 1, "Move", "Move up");
        var saved = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Text"] = "A, reworded" }, cancellationToken: Token);

        Assert.Equal(["B", "A, reworded"], saved.QuestionTexts());
    }

    [Fact]
    public async Task Marking_asked_shows_on_the_list_and_can_be_undone()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var list = await client.AddQuestionAsync(plan, "What would you do in my place?", Token);

        var asked = await SubmitQuestionFormAsync(client, list, 0, "Asked");
        Assert.Contains("Marked as asked.", asked.Text, StringComparison.Ordinal);
        Assert.Equal("Asked", asked.Document.QuerySelector(".question__status .tag")!.TextContent);
        Assert.Contains("1 question, 1 asked.", asked.Text, StringComparison.Ordinal);

        var again = await SubmitQuestionFormAsync(client, list, 0, "Asked");
        Assert.Equal("Asked", again.Document.QuerySelector(".question__status .tag")!.TextContent);

        var undone = await SubmitQuestionFormAsync(client, asked, 0, "Asked");
        Assert.Contains("Marked as not asked yet.", undone.Text, StringComparison.Ordinal);
        Assert.Equal("Not asked yet", undone.Document.QuerySelector(".question__status .tag")!.TextContent);
    }

    [Fact]
    public async Task Marking_asked_or_deleting_from_an_old_list_does_not_lose_someone_elses_edit()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var stale = await client.AddQuestionAsync(plan, "Do I need more tests?", Token);
        var edit = await client.GetAsync(QuestionLink(stale, 0), Token);
        await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Text"] = "Do I need a biopsy?", ["Input.Answer"] = "Ask the surgeon" }, cancellationToken: Token);

        var asked = await SubmitQuestionFormAsync(client, stale, 0, "Asked");
        var delete = await SubmitQuestionFormAsync(client, stale, 0, "Delete");

        foreach (var refused in new[] { asked, delete })
        {
            Assert.Contains("This question was changed by someone else", refused.ErrorSummary, StringComparison.Ordinal);
            Assert.Equal(["Do I need a biopsy?"], refused.QuestionTexts());
            Assert.NotNull(refused.Document.QuerySelector(".question--changed .tag--changed"));
            Assert.Equal("Not asked yet", refused.Document.QuerySelector(".question__status .tag")!.TextContent);
        }
    }

    [Fact]
    public async Task The_print_sheet_lists_the_questions_most_important_first_with_room_for_answers()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync("Rosa Diaz", cancellationToken: Token);
        using var _ = client;
        await client.AddQuestionAsync(plan, "First question", Token);
        await client.AddQuestionAsync(plan, "Deleted question", Token);
        var list = await client.AddQuestionAsync(plan, "Answered question", Token);
        list = await SubmitQuestionFormAsync(client, list, 1, "Delete");
        var edit = await client.GetAsync(QuestionLink(list, 1), Token);
        await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Asked"] = "True", ["Input.Answer"] = "Six weeks" }, cancellationToken: Token);

        var print = await client.GetAsync($"{plan}/questions/print", Token);

        Assert.Equal("Questions for the doctor", print.Heading);
        Assert.Contains("Patient: Rosa Diaz.", print.Text, StringComparison.Ordinal);
        Assert.Equal(["First question", "Answered question (asked)"], print.Document.QuerySelectorAll(".print-questions__text").Select(p => p.TextContent));
        Assert.Single(print.Document.QuerySelectorAll(".answer-lines"));
        Assert.Contains("Six weeks", print.Document.QuerySelector(".print-questions__answer")!.TextContent, StringComparison.Ordinal);
        Assert.Null(print.Document.QuerySelector("main form"));
    }

    [Fact]
    public async Task Step_five_shows_the_list_in_brief_and_trustworthy_places_to_read()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var empty = await client.GetAsync($"{plan}/steps/5", Token);
        Assert.Contains("Your list is empty.", empty.Text, StringComparison.Ordinal);
        Assert.NotNull(empty.Document.QuerySelector($"a[href='{plan}/questions']"));
        Assert.NotNull(empty.Document.QuerySelector($"a[href='{plan}/reading']"));
        var medlinePlus = empty.Document.QuerySelector("a[href='https://medlineplus.gov/']")!;
        Assert.Equal("noopener noreferrer", medlinePlus.GetAttribute("rel"));
        Assert.Contains("How to tell a good source:", empty.Text, StringComparison.Ordinal);
        Assert.Null((await client.GetAsync($"{plan}/steps/4", Token)).Document.QuerySelector(".tool-summary"));

        foreach (var text in new[] { "One", "Two", "Three", "Four" })
        {
            await client.AddQuestionAsync(plan, text, Token);
        }

        var step = await client.GetAsync($"{plan}/steps/5", Token);
        Assert.Contains("Your list has 4 questions, and 0 are asked. The first 3 are:", step.Text, StringComparison.Ordinal);
        Assert.Equal(["One", "Two", "Three"], step.Document.QuerySelectorAll(".tool-summary ol li").Select(li => li.TextContent));
    }

    [Theory]
    [InlineData("/questions")]
    [InlineData("/questions/suggestions")]
    [InlineData("/questions/print")]
    [InlineData("/questions/{id}")]
    [InlineData("/reading")]
    public async Task A_stranger_gets_not_found_on_every_question_page(string page)
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        var list = await owner.AddQuestionAsync(plan, "A private worry", Token);
        var path = plan + page.Replace("{id}", QuestionId(list, 0), StringComparison.Ordinal);
        owner.Dispose();
        using var stranger = new AppClient(app);
        await stranger.SignUpAsync(cancellationToken: Token);

        var get = await stranger.GetAsync(path, Token);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.DoesNotContain("A private worry", get.Html, StringComparison.Ordinal);

        var post = await stranger.PostAsync(path + "?handler=Delete", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(await stranger.GetAsync("/plans/new", Token)),
            ["id"] = QuestionId(list, 0),
            ["Input.Text"] = "Sneaked in",
            ["Picked"] = "costs-how-much",
        }, Token);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    [Fact]
    public async Task A_viewer_reads_the_list_without_controls_and_cannot_change_it()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var list = await owner.AddQuestionAsync(plan, "Do you agree with the diagnosis?", Token);
        var id = QuestionId(list, 0);
        var viewerEmail = Journeys.NewEmail();
        using var viewer = new AppClient(app);
        await viewer.SignUpAsync(viewerEmail, Token);
        await app.AddMemberAsync(plan, viewerEmail, PlanRole.Viewer, Token);

        var read = await viewer.GetAsync($"{plan}/questions", Token);
        Assert.Equal(["Do you agree with the diagnosis?"], read.QuestionTexts());
        Assert.Null(read.Document.QuerySelector("main form"));
        Assert.Null(read.Document.QuerySelector($"a[href='{plan}/questions/{id}']"));
        foreach (var page in new[] { $"/questions/{id}", "/questions/suggestions", "/reading" })
        {
            var other = await viewer.GetAsync(plan + page, Token);
            Assert.Equal(HttpStatusCode.OK, other.Status);
            Assert.Null(other.Document.QuerySelector("main form"));
        }

        var token = AntiforgeryToken(await viewer.GetAsync("/plans/new", Token));
        foreach (var (path, fields) in new (string, Dictionary<string, string>)[]
        {
            ("/questions?handler=Add", new() { ["Input.Text"] = "Viewer question" }),
            ("/questions?handler=Asked", new() { ["id"] = id, ["asked"] = "true", ["version"] = "0" }),
            ("/questions?handler=Delete", new() { ["id"] = id, ["version"] = "0" }),
            ($"/questions/{id}", new() { ["Input.Text"] = "Changed", ["Input.Asked"] = "True", ["Input.Version"] = "0" }),
            ("/questions/suggestions", new() { ["Picked"] = "costs-how-much" }),
            ("/reading?handler=Add", new() { ["Input.Title"] = "A page" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            var post = await viewer.PostAsync(plan + path, fields, Token);
            Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        }

        var after = await owner.GetAsync($"{plan}/questions", Token);
        Assert.Equal(["Do you agree with the diagnosis?"], after.QuestionTexts());
        Assert.Equal("Not asked yet", after.Document.QuerySelector(".question__status .tag")!.TextContent);
    }

    [Fact]
    public async Task Another_plans_question_is_not_found()
    {
        await using var app = new TestApp();
        var (client, planA) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var listA = await client.AddQuestionAsync(planA, "Question on plan A", Token);
        var idA = QuestionId(listA, 0);
        var planB = Journeys.PlanPath((await client.StartPlanAsync("Sam Lopez", cancellationToken: Token)).Url);
        await client.AddQuestionAsync(planB, "Question on plan B", Token);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{planB}/questions/{idA}", Token)).Status);
        var token = AntiforgeryToken(await client.GetAsync("/plans/new", Token));
        foreach (var handler in new[] { "Asked", "Delete", "Restore", "Move" })
        {
            var post = await client.PostAsync($"{planB}/questions?handler={handler}", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["id"] = idA,
                ["swapWith"] = idA,
                ["asked"] = "true",
                ["version"] = "0",
            }, Token);
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }

        Assert.Equal(["Question on plan A"], (await client.GetAsync($"{planA}/questions", Token)).QuestionTexts());
    }

    [Fact]
    public async Task Questions_and_answers_never_reach_the_logs()
    {
        await using var app = new TestApp(minimumLogLevel: "Verbose");
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        const string Marker = "Quetzalcoatl";

        var list = await client.AddQuestionAsync(plan, $"Is the {Marker} tumor benign?", Token);
        var edit = await client.GetAsync(QuestionLink(list, 0), Token);
        await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Asked"] = "True", ["Input.Answer"] = $"{Marker} answer" }, cancellationToken: Token);
        var reading = await client.GetAsync($"{plan}/reading", Token);
        await client.SubmitAsync(reading, new Dictionary<string, string?> { ["Input.Title"] = $"{Marker} article", ["Input.Url"] = $"https://example.com/{Marker}" }, "form[action$='handler=Add']", Token);

        Assert.Contains(app.Logs.Lines, line => line.Contains("HTTP \"POST\"", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(Marker, StringComparison.OrdinalIgnoreCase));
    }

    private static string QuestionId(HtmlPage list, int index) =>
        list.Document.QuerySelectorAll(".question-list > li")[index].Id!["question-".Length..];

    private static string QuestionLink(HtmlPage list, int index) =>
        $"{Journeys.PlanPath(list.Url)}/questions/{QuestionId(list, index)}";

    private static string AntiforgeryToken(HtmlPage page) =>
        page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Presses one of a question's buttons on the list page (by its handler, and for moves by its words).</summary>
    private static Task<HtmlPage> SubmitQuestionFormAsync(AppClient client, HtmlPage list, int index, string handler, string? button = null)
    {
        var item = list.Document.QuerySelectorAll(".question-list > li")[index];
        var form = item.QuerySelectorAll($"form[action$='handler={handler}']")
            .First(f => button is null || f.QuerySelector("button")!.TextContent.StartsWith(button, StringComparison.Ordinal));
        foreach (var marked in list.Document.QuerySelectorAll("form[data-test-target]"))
        {
            marked.RemoveAttribute("data-test-target");
        }

        form.SetAttribute("data-test-target", "yes");
        return client.SubmitAsync(list, new Dictionary<string, string?>(), "form[data-test-target]", Token);
    }

    /// <summary>Ticks the given suggestions (as a person would) and sends the form.</summary>
    private static Task<HtmlPage> TickAndSubmitAsync(AppClient client, HtmlPage page, params string[] suggestionIds)
    {
        foreach (var id in suggestionIds)
        {
            ((IHtmlInputElement)page.Document.QuerySelector($"input[name=Picked][value='{id}']")!).IsChecked = true;
        }

        return client.SubmitAsync(page, new Dictionary<string, string?>(), cancellationToken: Token);
    }
}
