using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>Starts a records request. The first one moves step 4 to In progress.</summary>
public class NewModel(AppDbContext db, TimeProvider clock) : RequestFormPageModel(db, clock)
{
    public override string CancelUrl => $"/plans/{PlanId}/records";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadPlanAsync(cancellationToken);
        Input = NewInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadPlanAsync(cancellationToken);
        if (!await ValidateAsync(cancellationToken))
        {
            return Page();
        }

        var request = RecordsRequest.Start(Plan, Input.Route!.Value, Today, NowUtc);
        if (!TryApply(request))
        {
            return NotFound();
        }

        Db.RecordsRequests.Add(request);
        await Db.MarkStepStartedAsync(PlanId, Step.SendRecords, NowUtc, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Your records request is saved as a draft.";
        return Redirect($"/plans/{PlanId}/records/{request.Id}");
    }
}
