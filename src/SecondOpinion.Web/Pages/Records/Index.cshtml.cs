using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>All the plan's records requests, and marking step 4 done once every one has arrived.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public IReadOnlyList<RecordsRequestSummary> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Requests = await db.RecordsOverviewAsync(PlanId, clock.Today(TimeZoneId), cancellationToken);
    }

    /// <summary>The button the step page offers once every request's records have arrived.</summary>
    public async Task<IActionResult> OnPostStepDoneAsync(CancellationToken cancellationToken)
    {
        var requests = await db.RecordsRequests.AsNoTracking().OfPlan(PlanId).ToListAsync(cancellationToken);
        if (!RecordsRequest.AllReceived(requests))
        {
            TempData["Message"] = "Step 4 is not marked done, because some records have not arrived yet.";
            return Redirect($"/plans/{PlanId}/steps/4");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var step = await db.StepProgress.OfPlan(PlanId).SingleAsync(s => s.Step == Step.SendRecords, cancellationToken);
        step.SetStatus(StepStatus.Done, now);
        step.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Step 4 is done. All your records have arrived.";
        return Redirect($"/plans/{PlanId}/steps/4");
    }
}
