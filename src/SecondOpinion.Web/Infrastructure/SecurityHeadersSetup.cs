namespace SecondOpinion.Web.Infrastructure;

public static class SecurityHeadersSetup
{
    /// <summary>
    /// Strict headers on every response: scripts and styles only from this site, no framing, no
    /// referrer (reset and share links carry tokens). Pages and files are also marked no-store
    /// (<see cref="NoStoreFilter"/>), so health details are not cached on a shared computer.
    /// </summary>
    public static IApplicationBuilder UseAppSecurityHeaders(this IApplicationBuilder app) =>
        app.UseSecurityHeaders(new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
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
