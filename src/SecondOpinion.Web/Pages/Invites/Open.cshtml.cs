using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Infrastructure.Activity;

namespace SecondOpinion.Web.Pages.Invites;

/// <summary>
/// The link in an invite email. Anyone can open it, but only the account with the invited email
/// can accept it, once, before it expires. A person who is not signed in is asked to sign in or
/// create an account and comes back here. Nothing about the plan is shown before that.
/// </summary>
public class OpenModel(AppDbContext db, UserManager<IdentityUser> users, ActivityLog activity, SecurityEvents events, TimeProvider clock) : PageModel
{
    public InviteAnswer State { get; private set; }
    public string Token { get; private set; } = "";
    public string PlanTitle { get; private set; } = "";
    public string InviterEmail { get; private set; } = "";
    public PlanRole Role { get; private set; }

    public string ReturnUrl => $"/invites/{Token}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await DecideAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var invite = await DecideAsync(token, cancellationToken);
        if (State != InviteAnswer.Ready || invite is null)
        {
            return Page();
        }

        var userId = users.GetUserId(User)!;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (!await InviteLinks.ClaimAsync(db.PlanInvites, invite, userId, now, cancellationToken))
        {
            SetState(InviteAnswer.NoLongerWorks);
            return Page();
        }

        var member = await db.PlanMembers.OfPlan(invite.PlanId).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (member is null)
        {
            db.PlanMembers.Add(new PlanMember { PlanId = invite.PlanId, UserId = userId, Role = invite.Role, JoinedAtUtc = now });
        }
        else if (member.Role != PlanRole.Owner)
        {
            member.Role = invite.Role;
        }

        if (invite.Role == PlanRole.Owner && invite.CreatedByUserId != userId)
        {
            // Handing over: the person who started the plan for someone else stays on to help.
            var inviter = await db.PlanMembers.OfPlan(invite.PlanId)
                .SingleOrDefaultAsync(m => m.UserId == invite.CreatedByUserId && m.Role == PlanRole.Owner, cancellationToken);
            inviter?.Role = PlanRole.Caregiver;
        }

        activity.Add(invite.PlanId, userId, ActivityPhrases.Accepted(invite.Role));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await events.RecordAsync(userId, SecurityEventKind.InviteAccepted, cancellationToken);

        TempData["Message"] = invite.Role == PlanRole.Owner
            ? "You are now the owner of this plan. You decide who can see it."
            : $"You joined the plan as {PlanRoles.Name(invite.Role).ToLowerInvariant()}. It is now in your list of plans.";
        return Redirect($"/plans/{invite.PlanId}");
    }

    private async Task<PlanInvite?> DecideAsync(string token, CancellationToken cancellationToken)
    {
        var (answer, invite) = await InviteLinks.CheckAsync(
            db.PlanInvites, token, await users.GetUserAsync(User), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (answer != InviteAnswer.NotFound)
        {
            Token = token;
        }

        if (invite is not null)
        {
            Role = invite.Role;
        }

        if (answer == InviteAnswer.Ready && invite is not null)
        {
            PlanTitle = await db.PlanTitleAsync(invite.PlanId, cancellationToken);
            InviterEmail = await db.Users.Where(u => u.Id == invite.CreatedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
                           ?? "Someone";
        }

        SetState(answer);
        return invite;
    }

    private void SetState(InviteAnswer state)
    {
        State = state;
        Response.StatusCode = state.StatusCode();
    }
}
