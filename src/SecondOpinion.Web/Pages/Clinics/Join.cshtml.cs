using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Pages.Invites;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>The link in a clinic staff invite (see <see cref="InviteLinkPageModel{TInvite}"/>).</summary>
public class JoinModel(AppDbContext db, UserManager<IdentityUser> users, SecurityEvents events, TimeProvider clock)
    : InviteLinkPageModel<ClinicStaffInvite>(db, users, events, clock)
{
    public string ClinicName { get; private set; } = "";

    public override string ReturnUrl => ClinicStaffInvites.JoinPath(Token);

    protected override IQueryable<ClinicStaffInvite> Invites => Db.ClinicStaffInvites;

    protected override async Task ShowAsync(ClinicStaffInvite invite, InviteAnswer answer, CancellationToken cancellationToken)
    {
        if (answer == InviteAnswer.Ready)
        {
            ClinicName = await Db.Clinics.Where(c => c.Id == invite.ClinicId).Select(c => c.Name).SingleAsync(cancellationToken);
        }
    }

    protected override async Task<IActionResult> AcceptAsync(ClinicStaffInvite invite, string userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!await Db.ClinicStaff.OfClinic(invite.ClinicId).AnyAsync(s => s.UserId == userId, cancellationToken))
        {
            Db.ClinicStaff.Add(new ClinicStaff { ClinicId = invite.ClinicId, UserId = userId, JoinedAtUtc = nowUtc });
            await Db.SaveChangesAsync(cancellationToken);
        }

        TempData["Message"] = $"You joined the staff of {ClinicName}.";
        return Redirect($"/clinics/{invite.ClinicId}");
    }
}
