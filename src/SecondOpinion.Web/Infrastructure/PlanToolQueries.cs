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

    /// <summary>A tool was used: its step becomes In progress unless it was already started or done. Saved with the caller's changes.</summary>
    public static async Task MarkStepStartedAsync(this AppDbContext db, Guid planId, Step step, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var progress = await db.StepProgress.OfPlan(planId).SingleAsync(s => s.Step == step, cancellationToken);
        progress.MarkStarted(nowUtc);
    }
}
