using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Visits;

/// <param name="CanShare">Owners and caregivers can make visit packet links.</param>
public sealed record VisitTool(Guid PlanId, string? DoctorName, string? When, VisitKind? Kind, int OpinionCount, bool CanShare);

/// <summary>Step 6's tool on the step page: the visit at a glance, and where to plan it and record the opinions.</summary>
public class VisitToolViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId, string timeZoneId, bool canEdit)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var visit = await db.Visits.AsNoTracking().OfPlan(planId).SingleOrDefaultAsync(cancellationToken);
        var doctorName = visit?.DoctorId is { } doctorId
            ? await db.Doctors.OfPlan(planId).Where(d => d.Id == doctorId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var opinions = await db.Opinions.OfPlan(planId).CountAsync(cancellationToken);
        var booked = visit is { IsBooked: true };
        return View("/Pages/Visits/_VisitTool.cshtml", new VisitTool(
            planId,
            booked ? doctorName : null,
            booked ? PlanTime.Describe(visit!.StartsAtUtc!.Value, timeZoneId) : null,
            booked ? visit!.Kind : null,
            opinions,
            canEdit));
    }
}
