namespace SecondOpinion.Web.Infrastructure;

public static class SecurityHeadersSetup
{
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    /// <summary>
    /// Strict headers on every response: scripts and styles only from this site, no framing, no
    /// referrer (reset and share links carry tokens). Pages and files are also marked no-store
    /// (<see cref="NoStoreFilter"/>), so health details are not cached on a shared computer.
    /// </summary>
    public static IApplicationBuilder UseAppSecurityHeaders(this IApplicationBuilder app) =>
        app.UseSecurityHeaders(new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            // A year, subdomains too, and ready for the browsers' preload list (hstspreload.org);
            // only https responses carry it, and never for localhost.
            .AddStrictTransportSecurityMaxAgeIncludeSubDomainsAndPreload(HstsMaxAgeSeconds)
            .AddReferrerPolicyNoReferrer()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
            })
            .AddCustomHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
}
