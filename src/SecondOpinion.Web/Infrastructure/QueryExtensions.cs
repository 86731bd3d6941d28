using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure;

public static class QueryExtensions
{
    /// <summary>Only the rows of one plan. Every query for plan-owned rows goes through this.</summary>
    public static IQueryable<T> OfPlan<T>(this IQueryable<T> rows, Guid planId) where T : class, IPlanOwned =>
        rows.Where(r => r.PlanId == planId);

    /// <summary>Invites sent to an email address, in any letter case (Identity's normalized email is upper case).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL UPPER; it never runs in .NET.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL UPPER; it never runs in .NET.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862", Justification = "Translated to SQL UPPER; it never runs in .NET.")]
    public static IQueryable<PlanInvite> SentTo(this IQueryable<PlanInvite> invites, string? normalizedEmail) =>
        invites.Where(i => i.Email.ToUpper() == normalizedEmail);
}
