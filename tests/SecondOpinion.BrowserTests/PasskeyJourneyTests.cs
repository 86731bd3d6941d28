using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using SecondOpinion.TestSupport;

namespace SecondOpinion.BrowserTests;

/// <summary>
/// Passkeys in real Chromium, with its virtual authenticator (over the DevTools protocol) in place
/// of a phone or a security key. A passkey needs a host name, not an address (WebAuthn refuses
/// 127.0.0.1), so this app's public origin is http://localhost on a port chosen before it starts.
/// </summary>
public class PasskeyJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected override TestApp CreateApp()
    {
        var port = FreeLoopbackPort();
        var app = new TestApp(realServer: true, port: port);
        app.Settings["App:PublicOrigin"] = $"http://localhost:{port}";
        return app;
    }

    [Fact]
    public async Task A_person_adds_a_passkey_by_keyboard_signs_out_and_signs_in_with_it()
    {
        await AddVirtualAuthenticatorAsync();
        var email = Journeys.NewEmail();
        await SignUpAsync(email);

        await Page.GotoAsync("/account");
        await Expect(Page.Locator("#passkey-needs-script")).ToBeHiddenAsync();
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("#AddPasskeyInput_Name", maxPresses: 80);
        await Page.Keyboard.TypeAsync("My laptop");
        await TabToAsync("#AddPasskeyInput_Credential");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your passkey is added.");
        await Expect(Page.Locator("ul[aria-labelledby=passkeys-heading]")).ToContainTextAsync("My laptop");
        await Expect(Page.Locator("ol.activity-list")).ToContainTextAsync("You added a passkey.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account", StringComparison.Ordinal));
        await Page.GotoAsync("/account/sign-in");
        await ExpectPageIsAccessibleAsync();
        await TabToAsync("#PasskeyInput_Credential", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/plans");

        await Page.GotoAsync("/account");
        await Expect(Page.Locator("ol.activity-list")).ToContainTextAsync("You signed in with a passkey.");
        await ExpectPageIsAccessibleAsync();
    }

    [Fact]
    public async Task A_cancelled_passkey_sign_in_shows_a_calm_message_beside_the_button()
    {
        // No authenticator can answer: the browser's request fails, as when a person cancels it.
        await AddVirtualAuthenticatorAsync(isUserVerified: false);
        await Page.GotoAsync("/account/sign-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();

        await Expect(Page.Locator("#PasskeyInput_Credential-error")).ToContainTextAsync("You are not signed in.");
        Assert.EndsWith("/account/sign-in", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
        await ExpectPageIsAccessibleAsync();
    }

    private async Task AddVirtualAuthenticatorAsync(bool isUserVerified = true)
    {
        var devTools = await Page.Context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = isUserVerified,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
