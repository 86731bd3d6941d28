using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>On the plan's home page: sent records requests that are overdue or due within a week. Nothing otherwise.</summary>
public class RecordsRemindersViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId, string timeZoneId)
    {
        var requests = await db.RecordsOverviewAsync(planId, clock.Today(timeZoneId), HttpContext.RequestAborted);
        var reminders = requests.Where(r => r.NeedsAttention).ToList();
        return reminders.Count == 0
            ? Content("")
            : View("/Pages/Records/Components/Reminders.cshtml", (planId, (IReadOnlyList<RecordsRequestSummary>)reminders));
    }
}
