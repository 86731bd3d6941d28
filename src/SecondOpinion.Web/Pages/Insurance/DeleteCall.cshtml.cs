using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Insurance;

/// <summary>Asks before a logged call is deleted, then deletes it.</summary>
public class DeleteCallModel(AppDbContext db) : PlanPageModel
{
    [FromRoute(Name = "callId")]
    public int CallId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public string PlanTitle { get; private set; } = "";

    public InsuranceCall Call { get; private set; } = null!;

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

        Version = Call.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        db.ExpectVersion(Call, Version);
        db.InsuranceCalls.Remove(Call);
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
            Version = Call.Version;
            ModelState.AddModelError("", "Someone else changed this call a moment ago. Check it below, then delete again if you still want to.");
            return Page();
        }

        TempData["Message"] = $"Deleted your call of {PlanTime.Describe(Call.CalledOn)}.";
        return Redirect($"/plans/{PlanId}/insurance");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        PlanTitle = await db.PlanTitleAsync(PlanId, cancellationToken);
        var call = await db.InsuranceCalls.OfPlan(PlanId).SingleOrDefaultAsync(c => c.Id == CallId, cancellationToken);
        if (call is null)
        {
            return false;
        }

        Call = call;
        return true;
    }
}
