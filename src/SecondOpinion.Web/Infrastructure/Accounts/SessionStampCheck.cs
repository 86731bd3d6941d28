using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure.Accounts;

/// <summary>
/// Checks on every signed-in request that the session's security stamp is still the account's,
/// so a password change, a reset, a sign-out or "sign out on every other device" (each gives
/// the account a new stamp) ends the other sessions at once. It replaces Identity's
/// <see cref="SecurityStampValidator"/>, which with a zero interval read the account, its claims
/// and its roles and rebuilt the whole sign-in on every request: this reads the stamp alone,
/// by the account's key, and keeps the sign-in it has.
/// </summary>
public static class SessionStampCheck
{
    /// <summary>
    /// The cookie is sent again when it is older than this, so a session still ends about half an
    /// hour after its last request (<see cref="AccountSetup.IdleTimeout"/>) without a new cookie
    /// being made for every request.
    /// </summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(1);

    private static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<string?>>> CurrentStamp = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken _) =>
            db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefault()));

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        string? current = null;
        if (userId is not null)
        {
            var db = services.GetRequiredService<AppDbContext>();
            // Left open for the rest of the request, which reads the database several times: EF
            // Core would open and close it around each statement, and each open of a SQLite
            // connection registers EF Core's SQL functions on it again. The pooled context closes
            // it when the request ends.
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            current = await CurrentStamp.For(db)(db, userId, context.HttpContext.RequestAborted);
        }

        if (stamp is null || current is null || !string.Equals(stamp, current, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        if (context.Properties.IssuedUtc is not { } issued || now - issued > RenewAfter)
        {
            context.ShouldRenew = true;
        }
    }
}
