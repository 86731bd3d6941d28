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
    public enum Answer
    {
        NotFound,
        NoLongerWorks,
        SignInFirst,
        OtherAccount,
        Ready,
    }

    public Answer State { get; private set; }
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
        if (State != Answer.Ready || invite is null)
        {
            return Page();
        }

        var userId = users.GetUserId(User)!;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claim the invite with one conditional update, so two clicks (or two tabs) at once accept it only once.
        var claimed = await db.PlanInvites
            .Where(i => i.Id == invite.Id && i.TokenHash == invite.TokenHash
                        && i.AcceptedAtUtc == null && i.CancelledAtUtc == null && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAtUtc, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            SetState(Answer.NoLongerWorks);
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
        if (!SecretTokens.LooksValid(token))
        {
            SetState(Answer.NotFound);
            return null;
        }

        var hash = SecretTokens.Hash(token);
        var invite = await db.PlanInvites.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invite is null || !SecretTokens.Matches(token, invite.TokenHash))
        {
            SetState(Answer.NotFound);
            return null;
        }

        Token = token;
        if (!invite.IsPending(clock.GetUtcNow().UtcDateTime))
        {
            SetState(Answer.NoLongerWorks);
            return null;
        }

        Role = invite.Role;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            SetState(Answer.SignInFirst);
            return invite;
        }

        if (!invite.IsFor(user.Email))
        {
            SetState(Answer.OtherAccount);
            return invite;
        }

        PlanTitle = await db.PlanTitleAsync(invite.PlanId, cancellationToken);
        InviterEmail = await db.Users.Where(u => u.Id == invite.CreatedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
                       ?? "Someone";
        SetState(Answer.Ready);
        return invite;
    }

    private void SetState(Answer state)
    {
        State = state;
        Response.StatusCode = state switch
        {
            Answer.NotFound => StatusCodes.Status404NotFound,
            Answer.NoLongerWorks => StatusCodes.Status410Gone,
            Answer.OtherAccount => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status200OK,
        };
    }
}
