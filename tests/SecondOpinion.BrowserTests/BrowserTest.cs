using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using SecondOpinion.TestSupport;

namespace SecondOpinion.BrowserTests;

/// <summary>
/// Base for browser tests: each test gets the app on its own loopback port with a fresh database,
/// and its own browser context (cookies, storage) in the shared Chromium.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    /// <summary>The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA.</summary>
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>
    /// axe-core as shipped in Deque.AxeCore.Commons. It is loaded once per browser context as an
    /// init script, instead of being sent with every check (Deque's RunAxe does that, and it costs
    /// seconds a page on this machine); only violations come back.
    /// </summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var assembly = typeof(AxeResult).Assembly;
        using var stream = assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core is missing from Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private readonly List<IBrowserContext> contexts = [];

    protected TestApp App { get; private set; } = null!;

    /// <summary>The page the helpers below act on; a test with two people sets it to the other person's page to act as them.</summary>
    protected IPage Page { get; set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The app for this test, on a real loopback port; a test class may configure it first.</summary>
    protected virtual TestApp CreateApp() => new(realServer: true);

    public async ValueTask InitializeAsync()
    {
        App = CreateApp();
        App.StartServer();
        Page = await OpenAnotherBrowserAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page in a browser context of its own (its own cookies): another person at another computer.</summary>
    protected async Task<IPage> OpenAnotherBrowserAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.SiteAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1024, Height = 800 },
            Locale = "en-US",
        });
        contexts.Add(context);
        // Generous, because the suite runs beside the other test projects on two shared cores.
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(AxeSource.Value);
        return await context.NewPageAsync();
    }

    /// <summary>Runs axe-core on the current page and fails with a readable list of any violations.</summary>
    protected async Task ExpectNoAxeViolationsAsync()
    {
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async tags => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return result.violations.map(v =>
                    `- ${v.id}: ${v.help}\n` + v.nodes.slice(0, 5).map(n => `    ${n.html}: ${n.failureSummary}`).join('\n'));
            }
            """, WcagTags);
        if (violations.GetArrayLength() > 0)
        {
            Assert.Fail($"axe found {violations.GetArrayLength()} violation(s) on {Page.Url}:\n{string.Join('\n', violations.EnumerateArray())}");
        }
    }

    /// <summary>
    /// Presses Tab until the element matching <paramref name="selector"/> has focus, as a keyboard
    /// user would, and checks that the focus can be seen.
    /// </summary>
    protected async Task TabToAsync(string selector, int maxPresses = 40)
    {
        for (var press = 0; press < maxPresses; press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await Page.EvaluateAsync<bool>(
                "selector => document.activeElement !== null && document.activeElement.matches(selector)", selector);
            if (focused)
            {
                await ExpectVisibleFocusAsync();
                return;
            }
        }

        Assert.Fail($"Could not reach '{selector}' with the Tab key on {Page.Url} after {maxPresses} presses.");
    }

    /// <summary>The focused element shows an outline or a focus shadow (WCAG 2.4.7).</summary>
    protected async Task ExpectVisibleFocusAsync()
    {
        var visible = await Page.EvaluateAsync<bool>("""
            () => {
                const el = document.activeElement;
                if (!el || el === document.body) return false;
                const style = getComputedStyle(el);
                const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                const shadow = style.boxShadow && style.boxShadow !== 'none';
                return outline || shadow;
            }
            """);
        Assert.True(visible, $"The focused element on {Page.Url} has no visible focus style.");
    }

    /// <summary>At 320 CSS pixels wide (400% zoom of a 1280 screen), nothing needs sideways scrolling (WCAG 1.4.10).</summary>
    protected async Task ExpectNoSidewaysScrollingWhenNarrowAsync()
    {
        var original = Page.ViewportSize;
        await Page.SetViewportSizeAsync(320, 640);
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var widest = overflow <= 0 ? "" : await Page.EvaluateAsync<string>("""
            () => [...document.body.querySelectorAll(':not(.visually-hidden)')]
                .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
                .slice(-4).map(el => el.outerHTML.slice(0, 120)).join('\n')
            """);
        await Page.SetViewportSizeAsync(original!.Width, original.Height);
        Assert.True(overflow <= 0, $"{Page.Url} scrolls sideways by {overflow}px at 320px wide. Too wide:\n{widest}");
    }

    /// <summary>The base text is at least 18px (the product promise).</summary>
    protected async Task ExpectBaseFontAtLeast18PxAsync()
    {
        var size = await Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(size >= 18, $"Base font is {size}px on {Page.Url}.");
    }

    /// <summary>The checks every page must pass: axe, text size and reflow.</summary>
    protected async Task ExpectPageIsAccessibleAsync()
    {
        // A click that submits a form can return before the new page's stylesheet has loaded.
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await ExpectNoAxeViolationsAsync();
        await ExpectBaseFontAtLeast18PxAsync();
        await ExpectNoSidewaysScrollingWhenNarrowAsync();
    }

    /// <summary>Signs up and opens the emailed link that confirms the email and signs in: ends on "/plans/new".</summary>
    protected async Task SignUpAsync(string? email = null)
    {
        email ??= Journeys.NewEmail();
        await Page.GotoAsync("/account/register");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Choose a password").FillAsync(Journeys.Password);
        await Page.GetByLabel("Type the password again").FillAsync(Journeys.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await OpenConfirmationLinkAsync(Page, email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await Page.WaitForURLAsync("**/plans/new");
    }

    /// <summary>Opens, in <paramref name="page"/>, the link in the newest email that confirms <paramref name="email"/>.</summary>
    protected async Task OpenConfirmationLinkAsync(IPage page, string email) =>
        await page.GotoAsync(new Uri(App.LinkInNewestEmailTo(email, "/account/confirm-email")).PathAndQuery);

    /// <summary>Signs up and starts a plan; returns the plan's home address.</summary>
    protected async Task<string> SignUpWithPlanAsync(string? patientName = null)
    {
        await SignUpAsync();
        if (patientName is null)
        {
            await Page.GetByLabel("Me", new() { Exact = true }).CheckAsync();
        }
        else
        {
            await Page.GetByLabel("Someone I help").CheckAsync();
            await Page.GetByLabel("The patient's full name").FillAsync(patientName);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/plans/[0-9a-f-]{36}$"));
        return new Uri(Page.Url).AbsolutePath;
    }
}
