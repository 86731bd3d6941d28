using System.Net;
using AngleSharp.Html.Parser;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

/// <summary>The app behind a TLS proxy: the proxy talks plain http to it and says "https" in X-Forwarded-Proto.</summary>
public class ProxyTests
{
    private const string Site = "https://secondopinion.example.org";
    private const string Proxy = "10.0.0.5";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Proxy, "ForwardedHeaders:KnownProxies:0", Proxy)]
    [InlineData("10.20.30.40", "ForwardedHeaders:KnownNetworks", "10.0.0.0/8, 192.168.0.0/16")]
    [InlineData("127.0.0.1", null, null)]
    public async Task Https_from_a_known_proxy_gives_secure_host_cookies_hsts_https_links_and_an_observatory_A_plus(string from, string? key, string? value)
    {
        await using var app = BehindProxy(from, key, value);
        using var browser = new ProxiedBrowser(app, forwardedProto: "https");
        var email = Journeys.NewEmail();

        var form = await browser.GetAsync("/account/register");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var registered = await browser.PostFormAsync("/account/register", form, new() { ["Input.Email"] = email, ["Input.Password"] = Journeys.Password, ["Input.ConfirmPassword"] = Journeys.Password });
        Assert.Equal(HttpStatusCode.OK, registered);
        var confirmLink = new Uri(app.LinkInNewestEmailTo(email, "/account/confirm-email")).PathAndQuery;
        var confirmPage = await browser.GetAsync(confirmLink);
        var confirmed = await browser.PostFormAsync(confirmLink, confirmPage, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed);
        var page = await browser.GetAsync("/plans/new");
        var body = await page.Content.ReadAsStringAsync(Token);
        using var plain = new ProxiedBrowser(app, forwardedProto: null);
        using var http = await plain.GetAsync("/plans/new");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains; preload", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal(["__Host-SecondOpinion.Antiforgery", "__Host-SecondOpinion.Auth", "__Host-SecondOpinion.TempData"],
            browser.SetCookies.Select(c => c.Split('=')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(browser.SetCookies, cookie =>
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(HttpStatusCode.PermanentRedirect, http.StatusCode);
        var score = Observatory.Score(page, body, browser.SetCookies, http.Headers.Location);
        TestContext.Current.TestOutputHelper?.WriteLine($"Observatory score over https: {score.Score} ({score.Grade}): {string.Join("; ", score.Findings)}");
        Assert.True(score.Grade == "A+", $"Observatory {score.Score} ({score.Grade}): {string.Join("; ", score.Findings)}");

        var forgot = await browser.GetAsync("/account/forgot-password");
        await browser.PostFormAsync("/account/forgot-password", forgot, new() { ["Input.Email"] = email });
        Assert.StartsWith($"{Site}/account/reset-password?", app.LinkInNewestEmailTo(email, "/account/reset-password"), StringComparison.Ordinal);
        page.Dispose();
    }

    [Fact]
    public async Task X_Forwarded_Proto_from_an_unknown_address_is_ignored_and_the_request_is_sent_to_https()
    {
        await using var app = BehindProxy("203.0.113.9", "ForwardedHeaders:KnownProxies:0", Proxy);
        using var stranger = new ProxiedBrowser(app, forwardedProto: "https");

        using var response = await stranger.GetAsync("/account/register");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri($"{Site}/account/register"), response.Headers.Location);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Empty(stranger.SetCookies);
    }

    [Fact]
    public void The_observatory_rules_mark_down_a_site_without_hsts_secure_cookies_or_a_policy()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, $"{Site}/") };

        var score = Observatory.Score(response, "<script src=\"https://cdn.example.com/x.js\"></script>", ["SecondOpinion.Auth=1; path=/"], null);

        Assert.Equal("F", score.Grade);
        Assert.Equal(100 - 25 - 40 - 20 - 20 - 50 - 5 - 20, score.Score);
    }

    private static TestApp BehindProxy(string from, string? key, string? value)
    {
        var app = new TestApp { RemoteAddress = IPAddress.Parse(from) };
        app.Settings["App:PublicOrigin"] = Site;
        if (key is not null)
        {
            app.Settings[key] = value;
        }

        return app;
    }

    /// <summary>
    /// A browser reaching the app through the proxy: it talks plain http to the app's host name,
    /// adds X-Forwarded-Proto, and keeps cookies by hand (a Secure cookie would not go back over
    /// http in a cookie container), noting every Set-Cookie.
    /// </summary>
    private sealed class ProxiedBrowser(TestApp app, string? forwardedProto) : IDisposable
    {
        private readonly HttpClient http = app.CreateClient(new() { BaseAddress = new Uri("http://secondopinion.example.org"), AllowAutoRedirect = false, HandleCookies = false });
        private readonly Dictionary<string, string> jar = new(StringComparer.Ordinal);

        public List<string> SetCookies { get; } = [];

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        /// <summary>Posts the page's form with its antiforgery token and the given fields.</summary>
        public async Task<HttpStatusCode> PostFormAsync(string path, HttpResponseMessage formPage, Dictionary<string, string> fields)
        {
            var html = new HtmlParser().ParseDocument(await formPage.Content.ReadAsStringAsync(Token));
            fields["__RequestVerificationToken"] = html.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
            return response.StatusCode;
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            using (request)
            {
                if (forwardedProto is not null)
                {
                    request.Headers.Add("X-Forwarded-Proto", forwardedProto);
                }

                if (jar.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
                }

                var response = await http.SendAsync(request, Token);
                foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
                {
                    SetCookies.Add(cookie);
                    var pair = cookie.Split(';')[0].Split('=', 2);
                    jar[pair[0]] = pair[1];
                }

                return response;
            }
        }

        public void Dispose() => http.Dispose();
    }
}
