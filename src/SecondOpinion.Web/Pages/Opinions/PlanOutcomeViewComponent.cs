using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Opinions;

public sealed record FinishedPlan(Guid PlanId, DateOnly FinishedOn, string? Decision);

/// <summary>On the plan's home: the plan is finished, and the decision the person made.</summary>
public class PlanOutcomeViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var outcome = await db.PlanOutcomes.AsNoTracking().OfPlan(planId).SingleOrDefaultAsync(cancellationToken);
        if (outcome is not { IsFinished: true })
        {
            return Content("");
        }

        var timeZoneId = await db.Plans.Where(p => p.Id == planId).Select(p => p.TimeZoneId).SingleAsync(cancellationToken);
        var finishedOn = DateOnly.FromDateTime(PlanTime.ToLocal(outcome.FinishedAtUtc!.Value, timeZoneId));
        return View("/Pages/Opinions/_FinishedPlan.cshtml", new FinishedPlan(planId, finishedOn, outcome.Decision));
    }
}
