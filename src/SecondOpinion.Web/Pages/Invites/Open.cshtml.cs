using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Infrastructure.Activity;

namespace SecondOpinion.Web.Pages.Invites;

/// <summary>The link in a plan invite email (see <see cref="InviteLinkPageModel{TInvite}"/>).</summary>
public class OpenModel(AppDbContext db, UserManager<IdentityUser> users, ActivityLog activity, SecurityEvents events, TimeProvider clock)
    : InviteLinkPageModel<PlanInvite>(db, users, events, clock)
{
    public string PlanTitle { get; private set; } = "";
    public string InviterEmail { get; private set; } = "";
    public PlanRole Role { get; private set; }

    public override string ReturnUrl => $"/invites/{Token}";

    protected override IQueryable<PlanInvite> Invites => Db.PlanInvites;

    protected override async Task ShowAsync(PlanInvite invite, InviteAnswer answer, CancellationToken cancellationToken)
    {
        Role = invite.Role;
        if (answer == InviteAnswer.Ready)
        {
            PlanTitle = await Db.PlanTitleAsync(invite.PlanId, cancellationToken);
            InviterEmail = await Db.Users.Where(u => u.Id == invite.CreatedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
                           ?? "Someone";
        }
    }

    protected override async Task<IActionResult> AcceptAsync(PlanInvite invite, string userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var member = await Db.PlanMembers.OfPlan(invite.PlanId).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (member is null)
        {
            Db.PlanMembers.Add(new PlanMember { PlanId = invite.PlanId, UserId = userId, Role = invite.Role, JoinedAtUtc = nowUtc });
        }
        else if (member.Role != PlanRole.Owner)
        {
            member.Role = invite.Role;
        }

        if (invite.Role == PlanRole.Owner && invite.CreatedByUserId != userId)
        {
            // Handing over: the person who started the plan for someone else stays on to help.
            var inviter = await Db.PlanMembers.OfPlan(invite.PlanId)
                .SingleOrDefaultAsync(m => m.UserId == invite.CreatedByUserId && m.Role == PlanRole.Owner, cancellationToken);
            inviter?.Role = PlanRole.Caregiver;
        }

        activity.Add(invite.PlanId, userId, ActivityPhrases.Accepted(invite.Role));
        await Db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = invite.Role == PlanRole.Owner
            ? "You are now the owner of this plan. You decide who can see it."
            : $"You joined the plan as {PlanRoles.Name(invite.Role).ToLowerInvariant()}. It is now in your list of plans.";
        return Redirect($"/plans/{invite.PlanId}");
    }
}
