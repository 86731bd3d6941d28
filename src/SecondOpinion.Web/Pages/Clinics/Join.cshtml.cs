using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Invites;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// The link in a clinic staff invite. Like a plan invite (<see cref="InviteLinks"/>): anyone can
/// open it, only the invited email's account can accept it, once, within 7 days; a person who
/// is not signed in signs in or creates an account and comes back here.
/// </summary>
public class JoinModel(AppDbContext db, UserManager<IdentityUser> users, TimeProvider clock) : PageModel
{
    public InviteAnswer State { get; private set; }
    public string Token { get; private set; } = "";
    public string ClinicName { get; private set; } = "";

    public string ReturnUrl => ClinicStaffInvites.JoinPath(Token);

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
        if (!await InviteLinks.ClaimAsync(db.ClinicStaffInvites, invite, userId, now, cancellationToken))
        {
            SetState(InviteAnswer.NoLongerWorks);
            return Page();
        }

        if (!await db.ClinicStaff.OfClinic(invite.ClinicId).AnyAsync(s => s.UserId == userId, cancellationToken))
        {
            db.ClinicStaff.Add(new ClinicStaff { ClinicId = invite.ClinicId, UserId = userId, JoinedAtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = $"You joined the staff of {ClinicName}.";
        return Redirect($"/clinics/{invite.ClinicId}");
    }

    private async Task<ClinicStaffInvite?> DecideAsync(string token, CancellationToken cancellationToken)
    {
        var (answer, invite) = await InviteLinks.CheckAsync(
            db.ClinicStaffInvites, token, await users.GetUserAsync(User), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (answer != InviteAnswer.NotFound)
        {
            Token = token;
        }

        if (answer == InviteAnswer.Ready && invite is not null)
        {
            ClinicName = await db.Clinics.Where(c => c.Id == invite.ClinicId).Select(c => c.Name).SingleAsync(cancellationToken);
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
