using Microsoft.Playwright;
using SecondOpinion.TestSupport;

namespace SecondOpinion.BrowserTests;

public class JourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_newcomer_goes_from_the_landing_page_to_a_step_marked_done_by_keyboard_alone()
    {
        await Page.GotoAsync("/");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("a[href='/account/register'].button");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/account/register");
        await ExpectPageIsAccessibleAsync();

        var email = Journeys.NewEmail();
        await TabToAsync("#Input_Email");
        await Page.Keyboard.TypeAsync(email);
        await TabToAsync("#Input_Password");
        await Page.Keyboard.TypeAsync(Journeys.Password);
        await TabToAsync("#Input_ConfirmPassword");
        await Page.Keyboard.TypeAsync(Journeys.Password);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await ExpectPageIsAccessibleAsync();

        await OpenConfirmationLinkAsync(Page, email);
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("main button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/plans/new");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("#Input_For");
        await Page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync("#Input_PatientName");
        await Page.Keyboard.TypeAsync("Rosa Diaz");
        await TabToAsync("#Input_About");
        await Page.Keyboard.TypeAsync("Her doctor says she needs heart surgery.");
        await TabToAsync("button[type=submit].button");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/plans/[0-9a-f-]{36}$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan for Rosa Diaz");
        await Expect(Page.Locator("main")).ToContainTextAsync("0 of 6 steps done");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync(".panel--next a");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/steps/1");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("#Input_Notes");
        await Page.Keyboard.TypeAsync("Asked Dr. Chen. She named two heart surgeons.");
        await TabToAsync("input[name='Input.Status']:checked");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync("button[type=submit].button");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. Step 1 is done.");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync($".step-nav a[href='{Journeys.PlanPath(new Uri(Page.Url))}']", maxPresses: 80);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main")).ToContainTextAsync("1 of 6 steps done");
        await Expect(Page.Locator("#step-1-status")).ToHaveTextAsync("Done");
        await Expect(Page.Locator(".panel--next")).ToContainTextAsync("Step 2: Ask someone you trust");
    }

    [Fact]
    public async Task Form_errors_are_named_beside_the_field_summarised_at_the_top_and_focused()
    {
        await Page.GotoAsync("/account/register");
        await Page.GetByLabel("Email address").FillAsync("not-an-email");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#Input_Email-error")).ToContainTextAsync("Enter an email address like name@example.com.");
        await Expect(Page.GetByLabel("Email address")).ToHaveValueAsync("not-an-email");
        await Expect(Page.GetByLabel("Email address")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await ExpectPageIsAccessibleAsync();

        await Page.Locator(".error-summary a").First.ClickAsync();
        await Expect(Page.GetByLabel("Email address")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Every_page_of_the_account_and_plan_journey_passes_axe()
    {
        var email = Journeys.NewEmail();
        await SignUpAsync(email);
        await ExpectPageIsAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Expect(Page.Locator(".error-summary")).ToBeVisibleAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Me", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        var plan = new Uri(Page.Url).AbsolutePath;

        foreach (var path in new[] { "/plans", $"{plan}/details", $"{plan}/steps/2", $"{plan}/steps/3", $"{plan}/steps/4", $"{plan}/steps/5", $"{plan}/steps/6", $"/plans/{Guid.NewGuid()}" })
        {
            await Page.GotoAsync(path);
            await ExpectPageIsAccessibleAsync();
        }

        await Page.GotoAsync($"{plan}/details");
        await Page.GetByLabel("The patient's date of birth").FillAsync("1950-02-03");
        await Page.GetByLabel("The patient's full name").FillAsync(new string('n', 120));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Expect(Page.Locator("#Input_PatientName-error")).ToContainTextAsync("at most 100 characters");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out.");
        await ExpectPageIsAccessibleAsync();

        foreach (var path in new[] { "/account/sign-in", "/account/sign-out", "/account/forgot-password", "/account/reset-password" })
        {
            await Page.GotoAsync(path);
            await ExpectPageIsAccessibleAsync();
        }

        await Page.GotoAsync("/account/forgot-password");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await ExpectPageIsAccessibleAsync();

        var link = App.LinkInNewestEmailTo(email, "/account/reset-password");
        await Page.GotoAsync(new Uri(link).PathAndQuery);
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync("green teapot rainy window");
        await Page.GetByLabel("Type the new password again").FillAsync("green teapot rainy window");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed and you are signed in.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.GotoAsync("/account/sign-in");

        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync("wrong password entirely");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("The email or password is not right.");
        await ExpectPageIsAccessibleAsync();
    }

    [Fact]
    public async Task The_pages_work_without_javascript()
    {
        await using var noScript = await Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = false,
        });
        var page = await noScript.NewPageAsync();
        var email = Journeys.NewEmail();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Choose a password").FillAsync(Journeys.Password);
        await page.GetByLabel("Type the password again").FillAsync(Journeys.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await OpenConfirmationLinkAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await page.GetByLabel("Me", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "4. Have your medical records sent" }).ClickAsync();
        await page.GetByLabel("In progress").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. Step 4 is in progress.");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
