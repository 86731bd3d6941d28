using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// A clinic's home for its staff: the details every start link carries onto a new plan (name,
/// phone, where records go), which staff can change, and the way to the staff and start links.
/// </summary>
public class HomeModel(AppDbContext db, TimeProvider clock) : ClinicPageModel
{
    [BindProperty]
    public ClinicRules.DetailsInput Input { get; set; } = new();

    public Clinic Clinic { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new ClinicRules.DetailsInput
        {
            Name = Clinic.Name,
            Phone = Clinic.Phone,
            RecordsAddress = Clinic.RecordsAddress,
            RecordsFax = Clinic.RecordsFax,
            Version = Clinic.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var valid = await new ClinicRules.DetailsValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        await LoadAsync(cancellationToken);
        if (!valid)
        {
            return Page();
        }

        var clinic = await db.Clinics.SingleAsync(c => c.Id == ClinicId, cancellationToken);
        db.ExpectVersion(clinic, Input.Version);
        clinic.Name = Input.Name!.Trim();
        clinic.Phone = Plan.Clean(Input.Phone);
        clinic.RecordsAddress = Plan.Clean(Input.RecordsAddress);
        clinic.RecordsFax = Plan.Clean(Input.RecordsFax);
        clinic.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Clinic.Version;
            ModelState.AddModelError("", "Someone else changed the clinic's details just now. Their details are shown at the top. Check them, then save yours again.");
            return Page();
        }

        TempData["Message"] = "The clinic's details are saved. New plans started from your links get them.";
        return Redirect($"/clinics/{ClinicId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == ClinicId, cancellationToken);
    }
}
