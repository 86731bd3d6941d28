using Microsoft.Playwright;
using SecondOpinion.TestSupport;

namespace SecondOpinion.BrowserTests;

public class AccountJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_account_page_works_by_keyboard_and_passes_axe_before_and_after_the_email_is_confirmed()
    {
        var email = Journeys.NewEmail();
        await Page.GotoAsync("/account/register");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Choose a password").FillAsync(Journeys.Password);
        await Page.GetByLabel("Type the password again").FillAsync(Journeys.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "sign in now with your password" }).ClickAsync();
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Journeys.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/plans");

        await TabToAsync("header a[href='/account']");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/account");
        await Expect(Page.Locator(".panel--warning")).ToContainTextAsync("Confirm your email");
        await ExpectPageIsAccessibleAsync();

        await OpenConfirmationLinkAsync(Page, email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await Page.WaitForURLAsync("**/plans/new");
        await Page.GotoAsync("/account");
        await Expect(Page.Locator(".panel--warning")).ToHaveCountAsync(0);

        await TabToAsync("form[action*='handler=ChangePassword'] button", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#PasswordInput_CurrentPassword-error")).ToContainTextAsync("Enter your password.");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("#PasswordInput_CurrentPassword", maxPresses: 60);
        await Page.Keyboard.TypeAsync(Journeys.Password);
        await TabToAsync("#PasswordInput_NewPassword");
        await Page.Keyboard.TypeAsync("green teapot rainy window");
        await TabToAsync("#PasswordInput_ConfirmPassword");
        await Page.Keyboard.TypeAsync("green teapot rainy window");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed.");
        await Expect(Page.Locator("ol.activity-list")).ToContainTextAsync("Your password was changed.");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("form[action*='handler=SignOutEverywhere'] button", maxPresses: 80);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out on every other device.");
        await ExpectPageIsAccessibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
