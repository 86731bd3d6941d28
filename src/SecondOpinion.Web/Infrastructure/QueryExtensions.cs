using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure;

public static class QueryExtensions
{
    /// <summary>Only the rows of one plan. Every query for plan-owned rows goes through this.</summary>
    public static IQueryable<T> OfPlan<T>(this IQueryable<T> rows, Guid planId) where T : class, IPlanOwned =>
        rows.Where(r => r.PlanId == planId);
}
