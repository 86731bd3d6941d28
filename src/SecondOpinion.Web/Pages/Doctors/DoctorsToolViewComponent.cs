using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Doctors;

public sealed record DoctorsTool(Guid PlanId, Step Step, IReadOnlyList<Doctor> Doctors, bool CanEdit);

/// <summary>The doctors list as it appears on steps 1 and 2, with step 2's places to look.</summary>
public class DoctorsToolViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId, Step step)
    {
        var doctors = await db.Doctors.AsNoTracking().OfPlan(planId).InListOrder().ToListAsync(HttpContext.RequestAborted);
        var canEdit = HttpContext.Features.Get<PlanMembership>()?.CanEdit == true;
        return View("/Pages/Doctors/_DoctorsTool.cshtml", new DoctorsTool(planId, step, doctors, canEdit));
    }
}
