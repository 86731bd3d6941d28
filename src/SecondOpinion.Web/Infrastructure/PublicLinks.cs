using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// Builds the absolute links the app puts in emails and printed pages (reset links, invites,
/// share and start links). They always start with the site's public address from
/// <c>App:PublicOrigin</c>, never with the Host header of the request that caused them: a
/// forged Host would otherwise send a person a real token on someone else's site.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IServer server)
{
    public const string OriginKey = "App:PublicOrigin";

    private Uri? origin;

    /// <summary>The site's public address, such as https://secondopinion.example.org.</summary>
    public Uri Origin => origin ??= ConfiguredOrigin(configuration) ?? LoopbackOrigin();

    /// <summary>An absolute link to a path of this site, such as "/account/reset-password?code=…".</summary>
    public string To(string pathAndQuery) => new Uri(Origin, pathAndQuery).ToString();

    /// <summary>
    /// Without App:PublicOrigin the app may only listen on this machine (localhost), and links
    /// use that address: a public site has to say its name.
    /// </summary>
    private Uri LoopbackOrigin()
    {
        // A command run from the shell (clinics add) has no server listening: it takes the
        // address the app is configured to listen on.
        IEnumerable<string> addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } listening
            ? listening
            : ConfiguredUrls(configuration) is { Count: > 0 } configured ? configured : [KestrelDefaultUrl];
        return addresses.Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
                   .FirstOrDefault(uri => uri is not null && IsLoopback(uri.Host))
               ?? throw new InvalidOperationException(MissingOriginMessage);
    }

    private const string KestrelDefaultUrl = "http://localhost:5000";

    internal static IReadOnlyList<string> ConfiguredUrls(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal const string MissingOriginMessage =
        $"Set {OriginKey} (environment variable App__PublicOrigin) to the address people use to reach this site, " +
        "such as https://secondopinion.example.org. Only an app that listens on localhost alone can do without it.";

    internal static Uri? ConfiguredOrigin(IConfiguration configuration)
    {
        var value = configuration[OriginKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
               && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query)
            ? uri
            : throw new InvalidOperationException(
                $"{OriginKey} must be a scheme and a host (and a port if needed), such as https://secondopinion.example.org; it is '{value}'.");
    }

    internal static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

public static class PublicLinksSetup
{
    /// <summary>
    /// Registers <see cref="PublicLinks"/>, and refuses to start a site that listens beyond this
    /// machine without App:PublicOrigin. Unless AllowedHosts is set, only requests for the public
    /// origin's host and for localhost are answered (others get 400).
    /// </summary>
    public static IServiceCollection AddPublicLinks(this IServiceCollection services)
    {
        services.AddSingleton<PublicLinks>();
        services.AddTransient<IStartupFilter, RequireOriginBeyondLoopback>();
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
            {
                var origin = PublicLinks.ConfiguredOrigin(configuration);
                options.AllowedHosts = ["localhost", "127.0.0.1", "[::1]", .. origin is null ? Array.Empty<string>() : [origin.IdnHost]];
            }
        });
        return services;
    }

    private sealed class RequireOriginBeyondLoopback(IConfiguration configuration) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            if (PublicLinks.ConfiguredOrigin(configuration) is null && !ListensOnLoopbackOnly(configuration))
            {
                throw new InvalidOperationException(PublicLinks.MissingOriginMessage);
            }

            return next;
        }
    }

    /// <summary>True when ASPNETCORE_URLS (or --urls) names loopback addresses only, or is not set (Kestrel then uses localhost:5000).</summary>
    private static bool ListensOnLoopbackOnly(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]))
        {
            return false;
        }

        // "+" and "*" mean every address; they are not valid host names, so they are swapped for names that are not loopback.
        return PublicLinks.ConfiguredUrls(configuration)
            .Select(url => url.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal))
            .All(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && PublicLinks.IsLoopback(uri.Host));
    }
}
