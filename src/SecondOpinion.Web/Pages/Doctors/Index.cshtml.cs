using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Doctors;

/// <summary>The plan's doctors list, and picking the one to see for the second opinion.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public string PlanTitle { get; private set; } = "";

    public IReadOnlyList<Doctor> Doctors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PlanTitle = await db.PlanTitleAsync(PlanId, cancellationToken);
        Doctors = await db.Doctors.AsNoTracking().OfPlan(PlanId).InListOrder().ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPickAsync(int doctorId, CancellationToken cancellationToken)
    {
        var doctors = await db.Doctors.OfPlan(PlanId).ToListAsync(cancellationToken);
        var chosen = doctors.SingleOrDefault(d => d.Id == doctorId);
        if (chosen is null)
        {
            return NotFound();
        }

        DoctorList.Pick(doctors, chosen);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var changed in db.ChangeTracker.Entries<Doctor>().Where(e => e.State == EntityState.Modified))
        {
            changed.Entity.UpdatedAtUtc = now;
        }

        TempData["Message"] = await db.SaveUnlessChangedAsync(cancellationToken)
            ? $"{chosen.Name} is now your second-opinion doctor."
            : "Someone else changed your doctors list at the same time. Check the list, then pick again if you need to.";

        return Redirect($"/plans/{PlanId}/doctors");
    }
}

public static class DoctorQueries
{
    /// <summary>The second-opinion doctor first, then in the order they were added.</summary>
    public static IQueryable<Doctor> InListOrder(this IQueryable<Doctor> doctors) =>
        doctors.OrderByDescending(d => d.IsSecondOpinionDoctor).ThenBy(d => d.CreatedAtUtc).ThenBy(d => d.Id);
}
