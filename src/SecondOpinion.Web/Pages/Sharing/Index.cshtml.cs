using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Infrastructure.Email;
using SecondOpinion.Web.Pages.Account;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Sharing;

/// <summary>
/// Who has access to the plan: members and their roles, invites that wait for an answer, and the
/// form to invite someone. Only owners can open it (others get 404, see <see cref="PlanAccessAttribute"/>).
/// </summary>
[PlanAccess(Open = [PlanRole.Owner], Change = [PlanRole.Owner])]
[EnableRateLimiting(RateLimitPolicies.Invite)]
public class IndexModel(
    AppDbContext db, UserManager<IdentityUser> users, IEmailSender email, PublicLinks links, TimeProvider clock, SecurityEvents events,
    ILogger<IndexModel> logger)
    : PlanPageModel, IAccountRateLimited
{
    public string? RateLimitAccount => UserId;

    public static IReadOnlyList<SelectListItem> InviteRoleChoices { get; } =
    [
        new("Caregiver: can change everything except who has access", nameof(PlanRole.Caregiver)),
        new("Viewer: can read the plan but not change it", nameof(PlanRole.Viewer)),
        new("Owner: hand the plan over to them. You stay on as a caregiver.", nameof(PlanRole.Owner)),
    ];

    public static IReadOnlyList<SelectListItem> MemberRoleChoices { get; } =
        Enum.GetValues<PlanRole>().Select(role => new SelectListItem(PlanRoles.Name(role), role.ToString())).ToList();

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<InviteRow> Invites { get; private set; } = [];

    public string UserId => Membership.UserId;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var valid = await new InviteValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        await LoadAsync(cancellationToken);
        if (!valid)
        {
            return Page();
        }

        if (!await OwnEmailConfirmedAsync())
        {
            ModelState.AddModelError("", ConfirmEmailFirst);
            return Page();
        }

        var address = Input.Email!.Trim();
        var refusal = EmailInvite.Refusal(address, Members.Select(m => m.Email), "This person already has access to the plan. You can change their role below.",
            Invites.Select(i => i.Email).ToList(), PlanInvite.MaxPendingPerPlan, "A plan");
        if (refusal is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", refusal);
            return Page();
        }

        var (token, hash) = SecretTokens.New();
        var invite = PlanInvite.Create(PlanId, address, Input.Role!.Value, UserId, hash, clock.GetUtcNow().UtcDateTime);
        db.PlanInvites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = await SendAsync(invite, token, cancellationToken)
            ? $"We sent an invite to {address}. The link works once, for 7 days."
            : $"The invite to {address} is saved, but we could not send the email just now. Use \"Send again\" below in a few minutes.";
        return Redirect($"/plans/{PlanId}/sharing");
    }

    public async Task<IActionResult> OnPostCancelAsync(int inviteId, CancellationToken cancellationToken)
    {
        var (invite, refusal) = await OpenInviteAsync(inviteId, "That invite was already accepted or cancelled.", cancellationToken);
        if (invite is null)
        {
            return refusal!;
        }

        invite.CancelledAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"The invite to {invite.Email} is cancelled. Its link no longer works.";
        return Redirect($"/plans/{PlanId}/sharing");
    }

    public async Task<IActionResult> OnPostResendAsync(int inviteId, CancellationToken cancellationToken)
    {
        var (invite, refusal) = await OpenInviteAsync(inviteId, "That invite was already accepted or cancelled. Send a new invite instead.", cancellationToken);
        if (invite is null)
        {
            return refusal!;
        }

        if (!await OwnEmailConfirmedAsync())
        {
            TempData["Message"] = ConfirmEmailFirst;
            return Redirect($"/plans/{PlanId}/sharing");
        }

        var (token, hash) = SecretTokens.New();
        invite.Renew(hash, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = await SendAsync(invite, token, cancellationToken)
            ? $"We sent the invite to {invite.Email} again, with a new link. The old link no longer works."
            : $"We could not send the email to {invite.Email} just now. Try again in a few minutes.";
        return Redirect($"/plans/{PlanId}/sharing");
    }

    public async Task<IActionResult> OnPostRoleAsync(int memberId, PlanRole? role, CancellationToken cancellationToken)
    {
        var member = await db.PlanMembers.OfPlan(PlanId).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        if (role is null || !Enum.IsDefined(role.Value))
        {
            return await RefuseAsync("Choose a role from the list.", cancellationToken);
        }

        if (member.Role == PlanRole.Owner && role != PlanRole.Owner && await IsLastOwnerAsync(cancellationToken))
        {
            return await RefuseAsync("A plan needs at least one owner. Make someone else an owner first.", cancellationToken);
        }

        member.Role = role.Value;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"The role is now {PlanRoles.Name(role.Value)}. It counts from their next click.";
        return Redirect(member.UserId == UserId && role != PlanRole.Owner ? $"/plans/{PlanId}" : $"/plans/{PlanId}/sharing");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await db.PlanMembers.OfPlan(PlanId).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        if (member.Role == PlanRole.Owner && await IsLastOwnerAsync(cancellationToken))
        {
            return await RefuseAsync("A plan needs at least one owner, so the last owner cannot be removed.", cancellationToken);
        }

        db.PlanMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        if (member.UserId == UserId)
        {
            TempData["Message"] = "You no longer have access to that plan.";
            return Redirect("/plans");
        }

        TempData["Message"] = "They no longer have access to the plan. It counts from their next click.";
        return Redirect($"/plans/{PlanId}/sharing");
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The plan's invite with this id while it is still open; otherwise what to answer: 404, or back to the page with <paramref name="whenClosed"/>.</summary>
    private async Task<(PlanInvite? Invite, IActionResult? Refusal)> OpenInviteAsync(int inviteId, string whenClosed, CancellationToken cancellationToken)
    {
        var invite = await db.PlanInvites.OfPlan(PlanId).SingleOrDefaultAsync(i => i.Id == inviteId, cancellationToken);
        if (invite is null)
        {
            return (null, NotFound());
        }

        if (invite.IsClosed)
        {
            TempData["Message"] = whenClosed;
            return (null, Redirect($"/plans/{PlanId}/sharing"));
        }

        return (invite, null);
    }

    private async Task<bool> IsLastOwnerAsync(CancellationToken cancellationToken) =>
        await db.PlanMembers.OfPlan(PlanId).CountAsync(m => m.Role == PlanRole.Owner, cancellationToken) <= 1;

    private const string ConfirmEmailFirst =
        "Confirm your own email address before you invite anyone. Your account page can send you the link again.";

    private async Task<bool> OwnEmailConfirmedAsync() => (await users.GetUserAsync(User))?.EmailConfirmed == true;

    private async Task<bool> SendAsync(PlanInvite invite, string token, CancellationToken cancellationToken)
    {
        var inviter = await users.GetUserAsync(User);
        var expires = PlanTime.Describe(invite.ExpiresAtUtc, TimeZoneId);
        var body =
            $"""
             Hello,

             {inviter?.Email} invited you to {PlanRoles.Offered(invite.Role)} on SecondOpinion. SecondOpinion helps a person get a second opinion from another doctor, step by step.

             To accept, open this link:
             {links.To($"/invites/{token}")}

             You will sign in, or create an account, with this email address: {invite.Email}.
             The link works once. It stops working on {expires}.

             If you did not expect this email, you can ignore it. Nothing happens unless you open the link.
             """;
        try
        {
            await email.SendAsync(new EmailMessage(invite.Email, "You are invited to a plan on SecondOpinion", body), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The invite email could not be sent");
            return false;
        }

        await events.RecordAsync(UserId, SecurityEventKind.InviteSent, cancellationToken);
        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = await (
                from member in db.PlanMembers.OfPlan(PlanId)
                join user in db.Users on member.UserId equals user.Id
                orderby member.Role, member.JoinedAtUtc
                select new MemberRow(member.Id, member.UserId, user.Email ?? "", member.Role, member.JoinedAtUtc))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        Invites = await db.PlanInvites.OfPlan(PlanId).AsNoTracking()
            .Where(i => i.AcceptedAtUtc == null && i.CancelledAtUtc == null)
            .OrderBy(i => i.CreatedAtUtc)
            .Select(i => new InviteRow(i.Id, i.Email, i.Role, i.ExpiresAtUtc, i.ExpiresAtUtc <= now))
            .ToListAsync(cancellationToken);
    }

    public sealed record MemberRow(int Id, string UserId, string Email, PlanRole Role, DateTime JoinedAtUtc);

    public sealed record InviteRow(int Id, string Email, PlanRole Role, DateTime ExpiresAtUtc, bool Expired);

    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public PlanRole? Role { get; set; }
    }

    public sealed class InviteValidator : AbstractValidator<InviteInput>
    {
        public InviteValidator()
        {
            RuleFor(i => i.Email).ValidInviteEmail();
            RuleFor(i => i.Role).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose what they can do.")
                .IsInEnum().WithMessage("Choose what they can do.");
        }
    }
}
