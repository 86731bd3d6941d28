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

    /// <summary>
    /// One statement for the plan, its steps and its outcome: this is the busiest page, so the
    /// query is compiled once instead of built and looked up on every visit.
    /// </summary>
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, CancellationToken, Task<HomeRow>>> ReadHome = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid planId, CancellationToken _) =>
            db.Plans.AsNoTracking().Where(p => p.Id == planId)
                .Select(p => new HomeRow(
                    p,
                    p.Steps.OrderBy(s => s.Step).ToList(),
                    // Single values, not the row: EF Core reads a whole first row with ROW_NUMBER()
                    // over every plan's outcome, while a single value is a lookup by the plan's index.
                    db.PlanOutcomes.Where(o => o.PlanId == p.Id).Select(o => o.FinishedAtUtc).FirstOrDefault(),
                    db.PlanOutcomes.Where(o => o.PlanId == p.Id).Select(o => o.Decision).FirstOrDefault(),
                    db.Clinics.Where(c => c.Id == p.StartedByClinicId).Select(c => c.Name).FirstOrDefault()))
                .Single()));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var home = await ReadHome.For(db)(db, PlanId, cancellationToken);
        Plan = home.Plan;
        Steps = home.Steps;
        Progress = PlanProgress.From(Steps.Select(s => (s.Step, s.Status)));
        StartedByClinic = home.StartedByClinic;
        Finished = FinishedPlan.From(PlanId, home.FinishedAtUtc, home.Decision, TimeZoneId);
    }

    private sealed record HomeRow(Plan Plan, List<StepProgress> Steps, DateTime? FinishedAtUtc, string? Decision, string? StartedByClinic);
}
