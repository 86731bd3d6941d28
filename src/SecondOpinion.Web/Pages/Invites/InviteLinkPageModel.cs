using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Accounts;

namespace SecondOpinion.Web.Pages.Invites;

/// <summary>
/// The page behind an invite link, for plan invites and clinic staff invites alike. Anyone can
/// open it, but only the account with the invited email can accept it, once, before it expires.
/// A person who is not signed in is asked to sign in or create an account and comes back here.
/// Nothing about what the invite is for is shown before that.
/// </summary>
public abstract class InviteLinkPageModel<TInvite>(
    AppDbContext db, UserManager<IdentityUser> users, SecurityEvents events, TimeProvider clock) : PageModel
    where TInvite : EmailInvite
{
    protected AppDbContext Db { get; } = db;

    public InviteAnswer State { get; private set; }
    public string Token { get; private set; } = "";

    public abstract string ReturnUrl { get; }

    protected abstract IQueryable<TInvite> Invites { get; }

    /// <summary>Reads what the page shows about an invite that is still open.</summary>
    protected abstract Task ShowAsync(TInvite invite, InviteAnswer answer, CancellationToken cancellationToken);

    /// <summary>Makes the signed-in person what the invite offers (inside the claim's transaction) and says where to go next.</summary>
    protected abstract Task<IActionResult> AcceptAsync(TInvite invite, string userId, DateTime nowUtc, CancellationToken cancellationToken);

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
        IActionResult next;
        await using (var transaction = await Db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await InviteLinks.ClaimAsync(Invites, invite, userId, now, cancellationToken))
            {
                SetState(InviteAnswer.NoLongerWorks);
                return Page();
            }

            next = await AcceptAsync(invite, userId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // After the commit: the event is written through its own connection.
        await events.RecordAsync(userId, SecurityEventKind.InviteAccepted, cancellationToken);
        return next;
    }

    private async Task<TInvite?> DecideAsync(string token, CancellationToken cancellationToken)
    {
        var (answer, invite) = await InviteLinks.CheckAsync(
            Invites, token, await users.GetUserAsync(User), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (answer != InviteAnswer.NotFound)
        {
            Token = token;
        }

        if (invite is not null)
        {
            await ShowAsync(invite, answer, cancellationToken);
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
