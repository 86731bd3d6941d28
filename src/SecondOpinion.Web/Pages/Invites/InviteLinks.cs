using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Invites;

/// <summary>What an invite link's page can answer the person who opened it.</summary>
public enum InviteAnswer
{
    NotFound,
    NoLongerWorks,
    SignInFirst,
    OtherAccount,
    Ready,
}

/// <summary>
/// The steps every invite link goes through, for plan invites and clinic staff invites alike:
/// find it by its token, check it still works and that it is for the signed-in account, then
/// claim it once.
/// </summary>
public static class InviteLinks
{
    public static int StatusCode(this InviteAnswer answer) => answer switch
    {
        InviteAnswer.NotFound => StatusCodes.Status404NotFound,
        InviteAnswer.NoLongerWorks => StatusCodes.Status410Gone,
        InviteAnswer.OtherAccount => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>The answer for this token and account, and the invite when it is still open.</summary>
    public static async Task<(InviteAnswer Answer, T? Invite)> CheckAsync<T>(
        IQueryable<T> invites, string? token, IdentityUser? user, DateTime nowUtc, CancellationToken cancellationToken)
        where T : EmailInvite
    {
        var invite = await invites.AsNoTracking().WithTokenAsync(token, cancellationToken);
        if (invite is null)
        {
            return (InviteAnswer.NotFound, null);
        }

        if (!invite.IsPending(nowUtc))
        {
            return (InviteAnswer.NoLongerWorks, null);
        }

        if (user is null)
        {
            return (InviteAnswer.SignInFirst, invite);
        }

        return (invite.IsFor(user.Email) ? InviteAnswer.Ready : InviteAnswer.OtherAccount, invite);
    }

    /// <summary>
    /// Marks the invite accepted with one conditional update, so two clicks (or two tabs) at once
    /// accept it only once. False when it was accepted, cancelled, renewed or expired meanwhile.
    /// </summary>
    public static async Task<bool> ClaimAsync<T>(IQueryable<T> invites, T invite, string userId, DateTime nowUtc, CancellationToken cancellationToken)
        where T : EmailInvite =>
        await invites
            .Where(i => i.Id == invite.Id && i.TokenHash == invite.TokenHash
                        && i.AcceptedAtUtc == null && i.CancelledAtUtc == null && i.ExpiresAtUtc > nowUtc)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAtUtc, nowUtc).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken) == 1;
}
