using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace SecondOpinion.BrowserTests;

public class PacketJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Questions = ["What happens if I wait?", "Is a smaller operation possible?"];

    [Fact]
    public async Task The_owner_makes_a_packet_link_by_keyboard_and_the_office_opens_and_prints_it()
    {
        var plan = await SignUpWithPlanAsync("Rosa Diaz");
        await Page.GotoAsync($"{plan}/questions");
        foreach (var question in Questions)
        {
            await Page.GetByLabel("Your question").FillAsync(question);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
            await Expect(Page.Locator(".question__text").Last).ToHaveTextAsync(question);
        }

        await Page.GotoAsync(plan);
        await TabToAsync($"a[href='{plan}/packet']", maxPresses: 80);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync($"**{plan}/packet");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Visit packet links");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync("#Input_Days");
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("10");
        await TabToAsync("#make-link-form button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#new-link")).ToBeVisibleAsync();
        await Expect(Page.Locator(".packet-link-item .tag")).ToHaveTextAsync("Active");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("button[data-copy]");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("[data-copy-status]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Copied|Ctrl\\+C"));
        var link = await Page.Locator("#new-link").InputValueAsync();

        Page = await OpenAnotherBrowserAsync();
        await Page.GotoAsync(link);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Visit packet for a second opinion");
        await Expect(Page.Locator("#brief-questions-section li")).ToHaveTextAsync(Questions);
        await ExpectPageIsAccessibleAsync();

        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(Page.Locator(".site-footer")).ToBeHiddenAsync();
        await Expect(Page.Locator("main .no-print")).ToBeHiddenAsync();
        await Expect(Page.Locator("#brief-questions-section")).ToBeVisibleAsync();
        await Expect(Page.Locator(".packet-shared")).ToContainTextAsync("This link works until");

        using var pdf = PdfDocument.Open(await Page.PdfAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("Rosa Diaz", text, StringComparison.Ordinal);
        foreach (var question in Questions)
        {
            Assert.Contains(question.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Sign in", text, StringComparison.Ordinal);

        await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Page.GotoAsync(link[..^4] + "AAAA");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We could not find this visit packet");
        await ExpectPageIsAccessibleAsync();
    }
}
