using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>Small reads and writes that every step's tool needs.</summary>
public static class PlanToolQueries
{
    /// <summary>The plan's title for the breadcrumbs, without loading the whole plan.</summary>
    public static async Task<string> PlanTitleAsync(this AppDbContext db, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.Where(p => p.Id == planId)
            .Select(p => new { p.For, p.PatientName })
            .SingleAsync(cancellationToken);
        return Plan.TitleFor(plan.For, plan.PatientName);
    }

    /// <summary>
    /// A tool was used: its step becomes In progress unless it was already started or done (a step
    /// marked done stays done). One conditional update, saved at once rather than with the
    /// caller's changes, so two people using a tool for the first time at the same moment never
    /// clash over the step's version, and a step someone marks done meanwhile stays done.
    /// </summary>
    public static Task MarkStepStartedAsync(this AppDbContext db, Guid planId, Step step, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.StepProgress.OfPlan(planId)
            .Where(s => s.Step == step && s.Status == StepStatus.NotStarted)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, StepStatus.InProgress)
                .SetProperty(s => s.StartedAtUtc, nowUtc)
                .SetProperty(s => s.UpdatedAtUtc, nowUtc)
                .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
}
