using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>
/// A page that asks before one of the plan's rows is deleted, then deletes it. A delete based on
/// an old version is refused with "changed by someone else", showing the row as it is now; a row
/// of another plan, or one already gone, is 404.
/// </summary>
public abstract class ConfirmDeletePageModel<T>(AppDbContext db) : PlanPageModel where T : class, IPlanOwned, IVersioned
{
    [BindProperty]
    public int Version { get; set; }


    protected T Item { get; private set; } = null!;

    protected AppDbContext Db => db;

    /// <summary>The row's id, from the route.</summary>
    protected abstract int ItemId { get; }

    /// <summary>Where the person goes after the delete, under the plan ("doctors").</summary>
    protected abstract string ListPath { get; }

    protected abstract string ChangedBySomeoneElse { get; }

    protected abstract string Deleted { get; }

    /// <summary>Anything else the page shows about the row; runs after it is found.</summary>
    protected virtual Task LoadMoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

        Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        db.ExpectVersion(Item, Version);
        db.Remove(Item);
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            ModelState.Remove(nameof(Version));
            Version = Item.Version;
            ModelState.AddModelError("", ChangedBySomeoneElse);
            return Page();
        }

        TempData["Message"] = Deleted;
        return Redirect($"/plans/{PlanId}/{ListPath}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var item = await db.Set<T>().OfPlan(PlanId).SingleOrDefaultAsync(row => EF.Property<int>(row, "Id") == ItemId, cancellationToken);
        if (item is null)
        {
            return false;
        }

        Item = item;
        await LoadMoreAsync(cancellationToken);
        return true;
    }
}
