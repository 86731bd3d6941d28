using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure;

public static class QueryExtensions
{
    /// <summary>Only the rows of one plan. Every query for plan-owned rows goes through this.</summary>
    public static IQueryable<T> OfPlan<T>(this IQueryable<T> rows, Guid planId) where T : class, IPlanOwned =>
        rows.Where(r => r.PlanId == planId);

    /// <summary>Only the rows of one clinic. Every query for clinic-owned rows goes through this.</summary>
    public static IQueryable<T> OfClinic<T>(this IQueryable<T> rows, Guid clinicId) where T : class, IClinicOwned =>
        rows.Where(r => r.ClinicId == clinicId);

    /// <summary>
    /// The row behind a token from a link, or null: a token of the wrong shape is not looked up,
    /// the row is found by the token's hash, then confirmed in constant time (<see cref="SecretTokens"/>).
    /// </summary>
    public static async Task<T?> WithTokenAsync<T>(this IQueryable<T> rows, string? token, CancellationToken cancellationToken)
        where T : class, ITokenHashed
    {
        if (!SecretTokens.LooksValid(token))
        {
            return null;
        }

        var hash = SecretTokens.Hash(token!);
        var row = await rows.SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        return row is not null && SecretTokens.Matches(token!, row.TokenHash) ? row : null;
    }

    /// <summary>Invites sent to an email address, in any letter case (Identity's normalized email is upper case).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL UPPER; it never runs in .NET.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL UPPER; it never runs in .NET.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL UPPER; it never runs in .NET.")]
    public static IQueryable<T> SentTo<T>(this IQueryable<T> invites, string? normalizedEmail) where T : EmailInvite =>
        invites.Where(i => i.Email.ToUpper() == normalizedEmail);
}
