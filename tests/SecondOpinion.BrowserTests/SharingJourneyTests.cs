using Microsoft.Playwright;
using SecondOpinion.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SecondOpinion.BrowserTests;

public class SharingJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string CaregiversQuestion = "Who will drive her home after the surgery?";

    /// <summary>The owner, on the sharing page, invites a person by keyboard alone; returns the link in the email they get.</summary>
    private async Task<string> InviteByKeyboardAsync(string plan, string email, string role)
    {
        await Page.GotoAsync($"{plan}/sharing");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("#Input_Email", maxPresses: 60);
        await Page.Keyboard.TypeAsync(email);
        await Page.Locator($"input[name='Input.Role'][value={role}]").FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync("#invite-form button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".invite").First).ToContainTextAsync(email);
        await ExpectPageIsAccessibleAsync();
        return App.InviteLinkFor(email);
    }

    /// <summary>The invited person opens the emailed link in their own browser, creates an account through it and accepts.</summary>
    private async Task AcceptAsNewAccountAsync(string link, string email, string plan)
    {
        await Page.GotoAsync(SharingJourneys.PathOf(link));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are invited to a plan");
        await ExpectPageIsAccessibleAsync();

        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Choose a password").FillAsync(Journeys.Password);
        await Page.GetByLabel("Type the password again").FillAsync(Journeys.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await OpenConfirmationLinkAsync(Page, email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();

        await Page.WaitForURLAsync($"**{SharingJourneys.PathOf(link)}");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("main button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync($"**{plan}");
    }

    [Fact]
    public async Task The_owner_invites_a_caregiver_who_accepts_from_the_email_and_adds_a_question()
    {
        var plan = await SignUpWithPlanAsync("Rosa Diaz");
        var owner = Page;
        var email = Journeys.NewEmail();
        var link = await InviteByKeyboardAsync(plan, email, "Caregiver");

        Page = await OpenAnotherBrowserAsync();
        await AcceptAsNewAccountAsync(link, email, plan);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan for Rosa Diaz");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{plan}/questions");
        await TabToAsync("#Input_Text", maxPresses: 60);
        await Page.Keyboard.TypeAsync(CaregiversQuestion);
        await TabToAsync("#add-question button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".question__text")).ToHaveTextAsync([CaregiversQuestion]);

        await Page.GotoAsync("/plans");
        await Expect(Page.Locator("main")).ToContainTextAsync("Your role: Caregiver.");
        await ExpectPageIsAccessibleAsync();

        Page = owner;
        await Page.GotoAsync($"{plan}/activity");
        await Expect(Page.Locator(".activity-list")).ToContainTextAsync($"{email} added a question.");
        await Expect(Page.Locator(".activity-list")).ToContainTextAsync($"{email} joined the plan as caregiver.");
        await Expect(Page.Locator(".activity-list")).Not.ToContainTextAsync(CaregiversQuestion);
        await ExpectPageIsAccessibleAsync();
        await Page.GotoAsync($"{plan}/sharing");
        await Expect(Page.Locator(".member-list").First).ToContainTextAsync(email);
    }

    [Fact]
    public async Task A_viewer_sees_the_plan_without_any_editing_controls_and_can_leave_it()
    {
        var plan = await SignUpWithPlanAsync("Rosa Diaz");
        await Page.GotoAsync($"{plan}/questions");
        await Page.GetByLabel("Your question").FillAsync("Is surgery the only choice?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        var email = Journeys.NewEmail();
        var link = await InviteByKeyboardAsync(plan, email, "Viewer");

        Page = await OpenAnotherBrowserAsync();
        await AcceptAsNewAccountAsync(link, email, plan);
        foreach (var path in new[] { "", "/steps/1", "/questions", "/doctors", "/records", "/visit" })
        {
            await Page.GotoAsync(plan + path);
            await Expect(Page.Locator("main form[method=post]")).ToHaveCountAsync(0);
            await Expect(Page.Locator("main textarea, main input:not([type=hidden]), main select")).ToHaveCountAsync(0);
            await ExpectPageIsAccessibleAsync();
        }

        await Page.GotoAsync($"{plan}/questions");
        await Expect(Page.Locator(".question__text")).ToHaveTextAsync(["Is surgery the only choice?"]);
        await Page.GotoAsync(plan);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Share this plan, or see who has access" })).ToHaveCountAsync(0);

        await TabToAsync("a[href$='/leave']", maxPresses: 80);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync($"**{plan}/leave");
        await ExpectPageIsAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, leave this plan" }).ClickAsync();
        await Page.WaitForURLAsync("**/plans");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You left Plan for Rosa Diaz. You no longer have access to it.");
        await Expect(Page.Locator(".plan-title")).ToHaveCountAsync(0);
        await ExpectPageIsAccessibleAsync();
    }
}
