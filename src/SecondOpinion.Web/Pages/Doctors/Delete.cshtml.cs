using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Doctors;

/// <summary>Asks before a doctor is taken off the list, then takes them off.</summary>
public class DeleteModel(AppDbContext db) : PlanPageModel
{
    [FromRoute(Name = "doctorId")]
    public int DoctorId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public string PlanTitle { get; private set; } = "";

    public Doctor Doctor { get; private set; } = null!;

    /// <summary>True when the plan's visit is with this doctor, so the page can say what deleting does to it.</summary>
    public bool IsVisitDoctor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Version = Doctor.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        db.ExpectVersion(Doctor, Version);
        db.Doctors.Remove(Doctor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            ModelState.Remove(nameof(Version));
            Version = Doctor.Version;
            ModelState.AddModelError("", "Someone else changed this doctor a moment ago. Check the details below, then delete again if you still want to.");
            return Page();
        }

        TempData["Message"] = $"{Doctor.Name} is no longer on your list.";
        return Redirect($"/plans/{PlanId}/doctors");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        PlanTitle = await db.PlanTitleAsync(PlanId, cancellationToken);
        var doctor = await db.Doctors.OfPlan(PlanId).SingleOrDefaultAsync(d => d.Id == DoctorId, cancellationToken);
        if (doctor is null)
        {
            return false;
        }

        Doctor = doctor;
        IsVisitDoctor = await db.Visits.OfPlan(PlanId).AnyAsync(v => v.DoctorId == DoctorId, cancellationToken);
        return true;
    }
}
