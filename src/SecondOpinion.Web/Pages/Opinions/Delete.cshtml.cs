using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Opinions;

/// <summary>Asks before an opinion is deleted, then deletes it.</summary>
public class DeleteModel(AppDbContext db) : PlanPageModel
{
    [FromRoute(Name = "opinionId")]
    public int OpinionId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public string PlanTitle { get; private set; } = "";

    public Opinion Opinion { get; private set; } = null!;

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

        Version = Opinion.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        db.ExpectVersion(Opinion, Version);
        db.Opinions.Remove(Opinion);
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
            Version = Opinion.Version;
            ModelState.AddModelError("", "Someone else changed this opinion a moment ago. Check it below, then delete again if you still want to.");
            return Page();
        }

        TempData["Message"] = $"Deleted {Opinion.Order.Label().ToLowerInvariant()}.";
        return Redirect($"/plans/{PlanId}/opinions");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        PlanTitle = await db.PlanTitleAsync(PlanId, cancellationToken);
        var opinion = await db.Opinions.OfPlan(PlanId).SingleOrDefaultAsync(o => o.Id == OpinionId, cancellationToken);
        if (opinion is null)
        {
            return false;
        }

        Opinion = opinion;
        return true;
    }
}
