using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>The plan's home: the six steps as a task list, how many are done, and what to do next.</summary>
public class HomeModel(AppDbContext db) : PlanPageModel
{
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<StepProgress> Steps { get; private set; } = [];
    public PlanProgress Progress { get; private set; } = null!;
    public PlanRole Role => Membership.Role;

    /// <summary>The clinic whose start link began the plan, if one did.</summary>
    public string? StartedByClinic { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == PlanId, cancellationToken);
        Steps = await db.StepProgress.AsNoTracking().OfPlan(PlanId).OrderBy(s => s.Step).ToListAsync(cancellationToken);
        Progress = PlanProgress.From(Steps.Select(s => (s.Step, s.Status)));
        StartedByClinic = await db.Clinics.Where(c => c.Id == Plan.StartedByClinicId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
    }
}
