using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Account;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// The clinic's staff: who is on it, invites waiting for an answer (cancel, send again), and the
/// form to invite someone. Any staff member can remove anyone, except the last one.
/// </summary>
public class StaffModel(AppDbContext db, UserManager<IdentityUser> users, ClinicStaffInvites invites, TimeProvider clock) : ClinicPageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<InviteRow> Invites { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var valid = await new InviteValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        await LoadAsync(cancellationToken);
        if (!valid)
        {
            return Page();
        }

        var address = Input.Email!.Trim();
        var refusal = EmailInvite.Refusal(address, Staff.Select(s => s.Email), "This person is already on the staff.",
            Invites.Select(i => i.Email).ToList(), ClinicStaffInvite.MaxPendingPerClinic, "A clinic");
        if (refusal is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", refusal);
            return Page();
        }

        var clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == ClinicId, cancellationToken);
        var outcome = await invites.InviteAsync(clinic, address, UserId, await InviterEmailAsync(), cancellationToken);
        TempData["Message"] = outcome.Sent
            ? $"We sent an invite to {address}. The link works once, for 7 days."
            : $"The invite to {address} is saved, but we could not send the email just now. Use \"Send again\" below in a few minutes.";
        return Redirect($"/clinics/{ClinicId}/staff");
    }

    public async Task<IActionResult> OnPostCancelAsync(int inviteId, CancellationToken cancellationToken)
    {
        var invite = await db.ClinicStaffInvites.OfClinic(ClinicId).SingleOrDefaultAsync(i => i.Id == inviteId, cancellationToken);
        if (invite is null)
        {
            return NotFound();
        }

        if (!invite.IsClosed)
        {
            invite.CancelledAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Message"] = $"The invite to {invite.Email} is cancelled. Its link no longer works.";
        return Redirect($"/clinics/{ClinicId}/staff");
    }

    public async Task<IActionResult> OnPostResendAsync(int inviteId, CancellationToken cancellationToken)
    {
        var invite = await db.ClinicStaffInvites.OfClinic(ClinicId).SingleOrDefaultAsync(i => i.Id == inviteId, cancellationToken);
        if (invite is null)
        {
            return NotFound();
        }

        if (invite.IsClosed)
        {
            TempData["Message"] = "That invite was already accepted or cancelled. Send a new invite instead.";
            return Redirect($"/clinics/{ClinicId}/staff");
        }

        var clinicName = await db.Clinics.Where(c => c.Id == ClinicId).Select(c => c.Name).SingleAsync(cancellationToken);
        var outcome = await invites.ResendAsync(invite, clinicName, await InviterEmailAsync(), cancellationToken);
        TempData["Message"] = outcome.Sent
            ? $"We sent the invite to {invite.Email} again, with a new link. The old link no longer works."
            : $"We could not send the email to {invite.Email} just now. Try again in a few minutes.";
        return Redirect($"/clinics/{ClinicId}/staff");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int staffId, CancellationToken cancellationToken)
    {
        var member = await db.ClinicStaff.OfClinic(ClinicId).SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        if (await db.ClinicStaff.OfClinic(ClinicId).CountAsync(cancellationToken) <= 1)
        {
            ModelState.AddModelError("", "A clinic needs at least one person on its staff, so the last one cannot be removed.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.ClinicStaff.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        if (member.UserId == UserId)
        {
            TempData["Message"] = "You are no longer on that clinic's staff.";
            return Redirect("/clinics");
        }

        TempData["Message"] = "They are no longer on the staff. It counts from their next click.";
        return Redirect($"/clinics/{ClinicId}/staff");
    }

    private async Task<string?> InviterEmailAsync() => (await users.GetUserAsync(User))?.Email;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Staff = await (
                from staff in db.ClinicStaff.OfClinic(ClinicId)
                join user in db.Users on staff.UserId equals user.Id
                orderby staff.JoinedAtUtc
                select new StaffRow(staff.Id, staff.UserId, user.Email ?? ""))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        Invites = await db.ClinicStaffInvites.OfClinic(ClinicId).AsNoTracking()
            .Where(i => i.AcceptedAtUtc == null && i.CancelledAtUtc == null)
            .OrderBy(i => i.CreatedAtUtc)
            .Select(i => new InviteRow(i.Id, i.Email, i.ExpiresAtUtc <= now))
            .ToListAsync(cancellationToken);
    }

    public sealed record StaffRow(int Id, string UserId, string Email);

    public sealed record InviteRow(int Id, string Email, bool Expired);

    public sealed class InviteInput
    {
        public string? Email { get; set; }
    }

    public sealed class InviteValidator : AbstractValidator<InviteInput>
    {
        public InviteValidator() => RuleFor(i => i.Email).ValidInviteEmail();
    }
}
