using System.Globalization;
using System.Text.RegularExpressions;

namespace SecondOpinion.TestSupport;

/// <summary>
/// The Mozilla HTTP Observatory's scoring (developer.mozilla.org/en-US/observatory/docs/tests_and_scoring),
/// as far as it can be read from one https response, the cookies the site set on the way, and
/// what a plain http request gets. Start at 100; take off each penalty; if the result is 90 or
/// more, add the bonuses. A+ is 100 or more. The rules checked:
/// <list type="bullet">
/// <item>Content-Security-Policy: missing −25; 'unsafe-inline' or a data:, http:, https: or * source for scripts (script-src, else default-src) −20;
///   'unsafe-eval' −10; 'unsafe-inline' for styles only −5; no object-src or default-src limit −20 (as "unsafe");
///   default-src 'none' with none of these +10.</item>
/// <item>Cookies: a session cookie (the sign-in one) without Secure −40, any other without Secure −20, a session cookie without HttpOnly −30;
///   all Secure, session ones HttpOnly and every one with SameSite +5.</item>
/// <item>Cross-origin resource sharing: Access-Control-Allow-Origin other than this site with credentials −50.</item>
/// <item>Redirection: plain http not sent to https on the same host −20.</item>
/// <item>Referrer-Policy: no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin +5; unsafe-url or no-referrer-when-downgrade −5.</item>
/// <item>Strict-Transport-Security: missing −20; max-age under six months (15552000 s) −10. (Its +5 needs the site on the browsers' preload list.)</item>
/// <item>Subresource integrity: a script from another origin without integrity −50.</item>
/// <item>X-Content-Type-Options: anything but nosniff −5.</item>
/// <item>X-Frame-Options: CSP frame-ancestors 'none' or 'self' +5; else DENY or SAMEORIGIN; else −20.</item>
/// </list>
/// </summary>
public static partial class Observatory
{
    public sealed record Result(int Score, string Grade, IReadOnlyList<string> Findings);

    /// <param name="page">An https response with the page's headers and body.</param>
    /// <param name="setCookies">Every Set-Cookie the site sent on the way (sign-in included).</param>
    /// <param name="httpRedirect">Where a plain http request for the same page was sent (null if it was not redirected).</param>
    public static Result Score(HttpResponseMessage page, string body, IReadOnlyList<string> setCookies, Uri? httpRedirect)
    {
        var penalties = new List<(int Points, string Why)>();
        var bonuses = new List<(int Points, string Why)>();
        var csp = Header(page, "Content-Security-Policy");
        var directives = (csp ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0].ToLowerInvariant(), d => d.Length > 1 ? d[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [], StringComparer.Ordinal);
        string[]? Directive(string name) => directives.TryGetValue(name, out var sources) ? sources : directives.GetValueOrDefault("default-src");

        if (csp is null)
        {
            penalties.Add((25, "no Content-Security-Policy"));
        }
        else
        {
            var scripts = Directive("script-src") ?? [];
            var styles = Directive("style-src") ?? [];
            var unsafeCsp = scripts.Length == 0 || Directive("object-src") is null
                || scripts.Any(s => s is "'unsafe-inline'" or "data:" or "http:" or "https:" or "*");
            if (unsafeCsp)
            {
                penalties.Add((20, "CSP lets scripts or plugins run from anywhere or inline"));
            }
            else if (scripts.Contains("'unsafe-eval'"))
            {
                penalties.Add((10, "CSP allows 'unsafe-eval'"));
            }
            else if (styles.Contains("'unsafe-inline'"))
            {
                penalties.Add((5, "CSP allows inline styles"));
            }
            else if (directives.GetValueOrDefault("default-src") is ["'none'"])
            {
                bonuses.Add((10, "CSP default-src 'none' and nothing unsafe"));
            }
        }

        var cookies = setCookies.Select(Cookie).ToList();
        foreach (var cookie in cookies)
        {
            if (!cookie.Secure)
            {
                penalties.Add(cookie.IsSession ? (40, $"session cookie {cookie.Name} is not Secure") : (20, $"cookie {cookie.Name} is not Secure"));
            }
            else if (cookie.IsSession && !cookie.HttpOnly)
            {
                penalties.Add((30, $"session cookie {cookie.Name} is not HttpOnly"));
            }
        }

        if (cookies.Count > 0 && cookies.All(c => c.Secure && (c.HttpOnly || !c.IsSession) && c.SameSite))
        {
            bonuses.Add((5, "every cookie Secure and SameSite, session cookies HttpOnly"));
        }

        if (Header(page, "Access-Control-Allow-Origin") is { } allowed && allowed != "*"
            && allowed != page.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Authority)
            && Header(page, "Access-Control-Allow-Credentials") == "true")
        {
            penalties.Add((50, "any site may read the pages with the person's cookies"));
        }

        if (httpRedirect is null || httpRedirect.Scheme != "https" || httpRedirect.Host != page.RequestMessage!.RequestUri!.Host)
        {
            penalties.Add((20, "plain http is not redirected to https on the same host"));
        }

        switch (Header(page, "Referrer-Policy")?.Split(',').Last().Trim())
        {
            case "no-referrer" or "same-origin" or "strict-origin" or "strict-origin-when-cross-origin":
                bonuses.Add((5, "Referrer-Policy keeps addresses private"));
                break;
            case "unsafe-url" or "no-referrer-when-downgrade":
                penalties.Add((5, "Referrer-Policy sends whole addresses"));
                break;
        }

        var hsts = Header(page, "Strict-Transport-Security");
        if (hsts is null)
        {
            penalties.Add((20, "no Strict-Transport-Security"));
        }
        else if (MaxAge().Match(hsts) is not { Success: true } maxAge || long.Parse(maxAge.Groups[1].Value, CultureInfo.InvariantCulture) < 15_552_000)
        {
            penalties.Add((10, "Strict-Transport-Security max-age is under six months"));
        }

        var origin = page.RequestMessage!.RequestUri!;
        foreach (Match script in ScriptSource().Matches(body))
        {
            if (Uri.TryCreate(origin, script.Groups["src"].Value, out var source) && source.Host != origin.Host && !script.Value.Contains("integrity=", StringComparison.Ordinal))
            {
                penalties.Add((50, $"script from {source.Host} without integrity"));
            }
        }

        if (Header(page, "X-Content-Type-Options")?.ToLowerInvariant() != "nosniff")
        {
            penalties.Add((5, "X-Content-Type-Options is not nosniff"));
        }

        if (directives.GetValueOrDefault("frame-ancestors") is ["'none'"] or ["'self'"])
        {
            bonuses.Add((5, "framing limited by CSP frame-ancestors"));
        }
        else if (Header(page, "X-Frame-Options")?.ToUpperInvariant() is not ("DENY" or "SAMEORIGIN"))
        {
            penalties.Add((20, "the pages can be framed by any site"));
        }

        var score = 100 - penalties.Sum(p => p.Points);
        if (score >= 90)
        {
            score += bonuses.Sum(b => b.Points);
        }

        var findings = penalties.Select(p => $"-{p.Points} {p.Why}").Concat(bonuses.Select(b => $"+{b.Points} {b.Why}")).ToList();
        return new Result(score, Grade(score), findings);
    }

    public static string Grade(int score) => score switch
    {
        >= 100 => "A+",
        >= 90 => "A",
        >= 85 => "A-",
        >= 80 => "B+",
        >= 70 => "B",
        >= 65 => "B-",
        >= 60 => "C+",
        >= 50 => "C",
        >= 45 => "C-",
        >= 40 => "D+",
        >= 30 => "D",
        >= 25 => "D-",
        _ => "F",
    };

    private sealed record SetCookie(string Name, bool Secure, bool HttpOnly, bool SameSite)
    {
        /// <summary>The Observatory's guess at a session cookie, by name; here, the sign-in cookie.</summary>
        public bool IsSession => Name.Contains("auth", StringComparison.OrdinalIgnoreCase) || Name.Contains("session", StringComparison.OrdinalIgnoreCase);
    }

    private static SetCookie Cookie(string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var attributes = parts.Skip(1).Select(p => p.Split('=')[0].ToLowerInvariant()).ToHashSet();
        return new SetCookie(parts[0].Split('=')[0], attributes.Contains("secure"), attributes.Contains("httponly"), attributes.Contains("samesite"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    [GeneratedRegex(@"max-age=(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAge();

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
