using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Opinions;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>The plan's home: the six steps as a task list, how many are done, and what to do next.</summary>
public class HomeModel(AppDbContext db) : PlanPageModel
{
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<StepProgress> Steps { get; private set; } = [];
    public PlanProgress Progress { get; private set; } = null!;
    public FinishedPlan? Finished { get; private set; }
    public PlanRole Role => Membership.Role;

    /// <summary>The clinic whose start link began the plan, if one did.</summary>
    public string? StartedByClinic { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // One statement for the plan, its steps and its outcome: this is the busiest page.
        var home = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId)
            .Select(p => new
            {
                Plan = p,
                Steps = p.Steps.OrderBy(s => s.Step).ToList(),
                // Single values, not the row: EF Core reads a whole first row with ROW_NUMBER()
                // over every plan's outcome, while a single value is a lookup by the plan's index.
                FinishedAtUtc = db.PlanOutcomes.Where(o => o.PlanId == p.Id).Select(o => o.FinishedAtUtc).FirstOrDefault(),
                Decision = db.PlanOutcomes.Where(o => o.PlanId == p.Id).Select(o => o.Decision).FirstOrDefault(),
                StartedByClinic = db.Clinics.Where(c => c.Id == p.StartedByClinicId).Select(c => c.Name).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        Plan = home.Plan;
        Steps = home.Steps;
        Progress = PlanProgress.From(Steps.Select(s => (s.Step, s.Status)));
        StartedByClinic = home.StartedByClinic;
        Finished = FinishedPlan.From(PlanId, home.FinishedAtUtc, home.Decision, TimeZoneId);
    }
}
