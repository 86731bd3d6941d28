using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>Changes a draft records request. Once it is final, its details stay as they were printed.</summary>
public class EditModel(AppDbContext db, TimeProvider clock) : RequestFormPageModel(db, clock)
{
    [FromRoute(Name = "requestId")]
    public int RequestId { get; set; }

    public RecordsRequest RecordsRequest { get; private set; } = null!;

    public override string CancelUrl => $"/plans/{PlanId}/records/{RequestId}";

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

        Input = InputFrom(RecordsRequest);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!RecordsRequest.CanChangeDetails)
        {
            ModelState.AddModelError("", "This request is final, so it cannot be changed. Nothing was saved.");
            return Page();
        }

        if (!await ValidateAsync(cancellationToken))
        {
            return Page();
        }

        Db.ExpectVersion(RecordsRequest, Input.Version);
        if (!TryApply(RecordsRequest))
        {
            return NotFound();
        }

        if (!await Db.SaveUnlessChangedAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = RecordsRequest.Version;
            ModelState.AddModelError("", "Someone else changed this request while you were working on it. What you wrote is still in the form. Check it, then save again.");
            return Page();
        }

        TempData["Message"] = "Your changes are saved.";
        return Redirect(CancelUrl);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        await LoadPlanAsync(cancellationToken);
        var request = await Db.RecordsRequests.OfPlan(PlanId).SingleOrDefaultAsync(r => r.Id == RequestId, cancellationToken);
        RecordsRequest = request!;
        return request is not null;
    }
}
