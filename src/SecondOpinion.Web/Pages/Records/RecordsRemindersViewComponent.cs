using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>On the plan's home page: sent records requests that are overdue or due within a week. Nothing otherwise.</summary>
public class RecordsRemindersViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId)
    {
        var requests = await db.RecordsOverviewAsync(planId, clock, HttpContext.RequestAborted);
        var reminders = requests.Where(r => r.NeedsAttention).ToList();
        return reminders.Count == 0
            ? Content("")
            : View("/Pages/Records/Components/Reminders.cshtml", (planId, (IReadOnlyList<RecordsRequestSummary>)reminders));
    }
}
