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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // One statement for the plan, its steps and its outcome: this is the busiest page.
        var home = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId)
            .Select(p => new
            {
                Plan = p,
                Steps = p.Steps.OrderBy(s => s.Step).ToList(),
                Outcome = db.PlanOutcomes.FirstOrDefault(o => o.PlanId == p.Id),
            })
            .SingleAsync(cancellationToken);
        Plan = home.Plan;
        Steps = home.Steps;
        Progress = PlanProgress.From(Steps.Select(s => (s.Step, s.Status)));
        Finished = FinishedPlan.From(PlanId, home.Outcome, TimeZoneId);
    }
}
