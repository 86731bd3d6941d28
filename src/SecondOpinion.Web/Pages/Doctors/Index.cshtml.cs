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

    public IReadOnlyList<Doctor> Doctors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
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

        TempData["Message"] = await PickAsync(doctors, chosen, cancellationToken)
            ? $"{chosen.Name} is now your second-opinion doctor."
            : "Someone else changed your doctors list at the same time. Check the list, then pick again if you need to.";

        return Redirect($"/plans/{PlanId}/doctors");
    }

    /// <summary>
    /// Unpicks the old doctor and saves, then picks the new one and saves, in one transaction:
    /// saved together, the database may meet the new pick before the old one is gone and refuse it
    /// as a second pick for the plan. False when someone else changed the list at the same time.
    /// </summary>
    private async Task<bool> PickAsync(IReadOnlyList<Doctor> doctors, Doctor chosen, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (DoctorList.UnpickAllBut(doctors, chosen) && !await SaveAsync(cancellationToken))
        {
            return false;
        }

        DoctorList.Pick(chosen);
        if (!await SaveAsync(cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var changed in db.ChangeTracker.Entries<Doctor>().Where(e => e.State == EntityState.Modified))
        {
            changed.Entity.UpdatedAtUtc = now;
        }

        return await db.SaveUnlessChangedAsync(cancellationToken);
    }
}

public static class DoctorQueries
{
    /// <summary>The second-opinion doctor first, then in the order they were added.</summary>
    public static IQueryable<Doctor> InListOrder(this IQueryable<Doctor> doctors) =>
        doctors.OrderByDescending(d => d.IsSecondOpinionDoctor).ThenBy(d => d.CreatedAtUtc).ThenBy(d => d.Id);
}
