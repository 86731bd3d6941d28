using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Opinions;

/// <summary>On the plan's home: the plan is finished, and the decision the person made.</summary>
public sealed record FinishedPlan(Guid PlanId, DateOnly FinishedOn, string? Decision)
{
    /// <summary>Null while the plan is not finished (no outcome yet, or one not marked finished).</summary>
    public static FinishedPlan? From(Guid planId, DateTime? finishedAtUtc, string? decision, string timeZoneId) =>
        finishedAtUtc is { } finished
            ? new FinishedPlan(planId, DateOnly.FromDateTime(PlanTime.ToLocal(finished, timeZoneId)), decision)
            : null;
}
