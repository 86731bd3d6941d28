using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SecondOpinion.TestSupport;

namespace SecondOpinion.BrowserTests;

public class PrivacyJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_person_downloads_their_data_deletes_a_plan_and_deletes_their_account_by_keyboard()
    {
        await SignUpWithPlanAsync("Rosa Diaz");
        var other = await StartAnotherPlanAsync("Tom Diaz");

        await Page.GotoAsync("/plans");
        await TabToAsync("a[href='/account/export']", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/account/export");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("a[href='/account/export?handler=html']");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Keyboard.PressAsync("Enter"));
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!, Token);
        Assert.Contains("Plan for Rosa Diaz", saved, StringComparison.Ordinal);

        await Page.GotoAsync(other);
        await TabToAsync($"a[href='{other}/delete']", maxPresses: 80);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync($"**{other}/delete");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("button[type=submit].button");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/plans");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Plan for Tom Diaz is deleted");

        await TabToAsync("a[href='/account/delete']", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/account/delete");
        await Expect(Page.Locator("main")).ToContainTextAsync("Plan for Rosa Diaz");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("button[type=submit].button");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("Type your password, to show it is you.");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("#Input_Password");
        await Page.Keyboard.TypeAsync(Journeys.Password);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account and your data are deleted.");
        await ExpectPageIsAccessibleAsync();
        Assert.Equal(0, await App.QueryAsync(db => db.Plans.CountAsync(Token)));
    }

    private async Task<string> StartAnotherPlanAsync(string patientName)
    {
        await Page.GotoAsync("/plans/new");
        await Page.GetByLabel("Someone I help").CheckAsync();
        await Page.GetByLabel("The patient's full name").FillAsync(patientName);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/plans/[0-9a-f-]{36}$"));
        return new Uri(Page.Url).AbsolutePath;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
