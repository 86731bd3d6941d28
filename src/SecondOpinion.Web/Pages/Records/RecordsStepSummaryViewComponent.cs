using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Records;

public sealed record RecordsStepSummary(Guid PlanId, bool CanEdit, IReadOnlyList<RecordsRequestSummary> Requests, bool SuggestDone);

/// <summary>Step 4's tool on the step page: the plan's records requests, what needs a call, and "done?" once all have arrived.</summary>
public class RecordsStepSummaryViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId, string timeZoneId, bool canEdit, StepStatus stepStatus)
    {
        var requests = await db.RecordsOverviewAsync(planId, clock.Today(timeZoneId), HttpContext.RequestAborted);
        var suggestDone = canEdit && stepStatus != StepStatus.Done && RecordsRequest.AllReceived(requests.Select(r => r.Request).ToList());
        return View("/Pages/Records/Components/StepSummary.cshtml", new RecordsStepSummary(planId, canEdit, requests, suggestDone));
    }
}
