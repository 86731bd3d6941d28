using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// Running behind a TLS proxy. The proxy's X-Forwarded-Proto and X-Forwarded-For are believed only
/// when the request comes from one of <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (such as 10.0.0.0/8); without either, only a proxy on
/// this machine (loopback) is believed. When the site's public origin (<c>App:PublicOrigin</c>)
/// is https, every cookie is Secure and named with the <c>__Host-</c> prefix (the browser then
/// keeps it to this host, over https, for the whole site), plain http requests are redirected to
/// https. (HSTS, sent on every https response, is in <see cref="SecurityHeadersSetup"/>.)
/// </summary>
public static class HttpsSetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";
    public const string HostPrefix = "__Host-";

    public static IServiceCollection AddHttpsBehindProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = Values(configuration, KnownProxiesKey).Select(value => Parse(KnownProxiesKey, value, IPAddress.Parse)).ToList();
            var networks = Values(configuration, KnownNetworksKey).Select(value => Parse(KnownNetworksKey, value, System.Net.IPNetwork.Parse)).ToList();
            if (proxies.Count + networks.Count > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            }
        });
        if (PublicLinks.ConfiguredOrigin(configuration) is { Scheme: "https" } origin)
        {
            services.AddHttpsRedirection(options =>
            {
                options.HttpsPort = origin.Port;
                options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            });
            services.PostConfigureAll<CookieAuthenticationOptions>(options => SecureHostCookie(options.Cookie));
            services.PostConfigure<AntiforgeryOptions>(options => SecureHostCookie(options.Cookie));
            services.PostConfigure<CookieTempDataProviderOptions>(options =>
            {
                options.Cookie.Name = "SecondOpinion.TempData";
                SecureHostCookie(options.Cookie);
            });
        }

        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the scheme and address the person used.</summary>
    public static IApplicationBuilder UseHttpsBehindProxy(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        if (PublicLinks.ConfiguredOrigin(app.ApplicationServices.GetRequiredService<IConfiguration>()) is { Scheme: "https" })
        {
            // A load balancer may check health over plain http inside its network.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        return app;
    }

    private static void SecureHostCookie(CookieBuilder cookie)
    {
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
        if (cookie.Name is { } name && !name.StartsWith(HostPrefix, StringComparison.Ordinal))
        {
            cookie.Name = HostPrefix + name;
        }
    }

    /// <summary>A list in configuration (KnownProxies:0, KnownProxies:1 ...) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { Length: > 0 } single ? single.Split(',') : section.GetChildren().Select(child => child.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    private static T Parse<T>(string key, string value, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{key} holds '{value}', which is not an IP address{(key == KnownNetworksKey ? " range such as 10.0.0.0/8" : "")}.");
        }
    }
}
