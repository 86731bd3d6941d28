using Microsoft.AspNetCore.Mvc;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Privacy;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>An owner deletes the whole plan for good, after seeing everything that goes with it.</summary>
[PlanAccess(Open = [PlanRole.Owner], Change = [PlanRole.Owner])]
public class DeleteModel(Erasure erasure) : PlanPageModel
{
    public PlanContents Contents { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contents = await erasure.CountAsync(PlanId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Contents = await erasure.CountAsync(PlanId, cancellationToken);
        await erasure.DeletePlanAsync(PlanId, cancellationToken);
        Membership.MarkPlanDeleted();
        TempData["Message"] = $"{Contents.Title} is deleted, with everything in it.";
        return Redirect("/plans");
    }
}
