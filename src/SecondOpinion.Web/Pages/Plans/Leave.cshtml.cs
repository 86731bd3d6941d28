using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>A member takes themselves off a plan, after saying yes. The last owner cannot leave.</summary>
[PlanAccess(Change = [PlanRole.Owner, PlanRole.Caregiver, PlanRole.Viewer])]
public class LeaveModel(AppDbContext db) : PlanPageModel
{
    public bool IsLastOwner { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (IsLastOwner)
        {
            ModelState.AddModelError("", "You are the only owner, so you cannot leave. Make someone else an owner first, on the sharing page.");
            return Page();
        }

        await db.PlanMembers.OfPlan(PlanId).Where(m => m.UserId == Membership.UserId).ExecuteDeleteAsync(cancellationToken);
        TempData["Message"] = $"You left {PlanTitle}. You no longer have access to it.";
        return Redirect("/plans");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IsLastOwner = Membership.IsOwner
                      && await db.PlanMembers.OfPlan(PlanId).CountAsync(m => m.Role == PlanRole.Owner, cancellationToken) <= 1;
    }
}
