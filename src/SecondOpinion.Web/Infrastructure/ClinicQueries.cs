using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure;

public static class ClinicQueries
{
    /// <summary>
    /// For each of the clinic's start links, how many plans it started and how many reached each
    /// step. This is the only query a clinic makes over patients' plans, and it returns counts
    /// only: no plan, person or text leaves the database.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, StartLinkCounts>> StartLinkCountsAsync(
        this AppDbContext db, Guid clinicId, CancellationToken cancellationToken)
    {
        var started = db.Plans.Where(p => p.StartedByClinicId == clinicId && p.StartLinkId != null);
        var plans = await started
            .GroupBy(p => p.StartLinkId!.Value)
            .Select(g => new { LinkId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var steps = await (
                from plan in started
                from step in plan.Steps
                where step.Status != StepStatus.NotStarted
                group step by new { LinkId = plan.StartLinkId!.Value, step.Step } into g
                select new { g.Key.LinkId, g.Key.Step, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return plans.ToDictionary(
            p => p.LinkId,
            p => new StartLinkCounts(
                p.Count,
                Enum.GetValues<Step>().ToDictionary(
                    step => step,
                    step => steps.Where(s => s.LinkId == p.LinkId && s.Step == step).Sum(s => s.Count))));
    }
}
