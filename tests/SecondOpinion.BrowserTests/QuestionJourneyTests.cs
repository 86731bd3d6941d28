using Microsoft.Playwright;

namespace SecondOpinion.BrowserTests;

public class QuestionJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string OwnQuestion = "Can I wait until after my daughter's wedding?";

    [Fact]
    public async Task A_person_picks_and_writes_questions_orders_them_by_keyboard_answers_one_and_prints_the_list()
    {
        var plan = await SignUpWithPlanAsync("Rosa Diaz");
        await Page.GotoAsync($"{plan}/steps/5");
        await Expect(Page.Locator(".tool-summary")).ToContainTextAsync("Your list is empty.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Open your question list" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Expect(Page.Locator("#Input_Text-error")).ToContainTextAsync("Write your question.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Pick from suggested questions" }).ClickAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Do you agree with the diagnosis?").CheckAsync();
        await Page.GetByLabel("What would you do in my place?").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add the questions I ticked" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 questions are added");

        await Page.GetByLabel("Your question").FillAsync(OwnQuestion);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Expect(Page.Locator(".question__text")).ToHaveTextAsync(["Do you agree with the diagnosis?", "What would you do in my place?", OwnQuestion]);
        await ExpectPageIsAccessibleAsync();

        // Keyboard alone: reach the third question's "Move up" button and press it, twice.
        await TabToAsync(".question-list li:nth-child(3) .question__actions form:first-child button", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".question__text").Nth(1)).ToHaveTextAsync(OwnQuestion);
        await Expect(Page.Locator(".question-list li:nth-child(2)")).ToBeFocusedAsync();
        await TabToAsync(".question-list li:nth-child(2) .question__actions form:first-child button", maxPresses: 3);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".question__text").First).ToHaveTextAsync(OwnQuestion);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Change or write the answer (question 1)" }).ClickAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Yes, I asked it").CheckAsync();
        await Page.GetByLabel("The answer").FillAsync("Yes. Waiting six weeks is safe.\nCall if the pain gets worse.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator(".question-list li").First.Locator(".tag")).ToHaveTextAsync("Asked");
        await Expect(Page.Locator(".question__answer")).ToContainTextAsync("Waiting six weeks is safe.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete (question 3)" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You deleted this question: What would you do in my place?");
        await ExpectPageIsAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bring it back" }).ClickAsync();
        await Expect(Page.Locator(".question__text")).ToHaveCountAsync(3);

        // The list page itself prints without its buttons and forms.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".question__actions").First).ToBeHiddenAsync();
        await Expect(Page.Locator("#add-question")).ToBeHiddenAsync();
        await Expect(Page.Locator(".question__answer")).ToBeVisibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await Page.GetByRole(AriaRole.Link, new() { Name = "Print your list" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Questions for the doctor");
        await ExpectPageIsAccessibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(Page.Locator(".no-print")).ToBeHiddenAsync();
        await Expect(Page.Locator(".print-questions__text")).ToHaveTextAsync([$"{OwnQuestion} (asked)", "Do you agree with the diagnosis?", "What would you do in my place?"]);
        await Expect(Page.Locator(".answer-lines")).ToHaveCountAsync(2);
        await ExpectNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_person_keeps_a_reading_list_with_safe_links()
    {
        var plan = await SignUpWithPlanAsync();
        await Page.GotoAsync($"{plan}/steps/5");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open your reading list" }).ClickAsync();
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("Title").FillAsync("Knee replacement");
        await Page.GetByLabel("Web address").FillAsync("medlineplus.gov/kneereplacement.html");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add to the list" }).ClickAsync();
        await Expect(Page.Locator("#Input_Url-error")).ToContainTextAsync("starts with https:// or http://");
        await Expect(Page.GetByLabel("Title")).ToHaveValueAsync("Knee replacement");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("Web address").FillAsync("https://medlineplus.gov/kneereplacement.html");
        await Page.GetByLabel("Your note").FillAsync("Ask how long before I can climb stairs.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add to the list" }).ClickAsync();
        var link = Page.Locator(".reading-list a");
        await Expect(link).ToHaveTextAsync("Knee replacement");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await ExpectPageIsAccessibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
