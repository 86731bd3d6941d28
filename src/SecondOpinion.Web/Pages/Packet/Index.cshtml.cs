using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Packet;

/// <summary>
/// The plan's visit packet links: make one for the new doctor's office (the link is shown once,
/// right after), see each link's status and when it was opened, and end a link at once. Owners
/// and caregivers only; viewers get 404.
/// </summary>
[PlanAccess(Open = [PlanRole.Owner, PlanRole.Caregiver], Change = [PlanRole.Owner, PlanRole.Caregiver])]
public class IndexModel(AppDbContext db, PublicLinks links, TimeProvider clock) : PlanPageModel
{
    /// <summary>How many openings are listed for each link; the count covers them all.</summary>
    public const int OpensShown = 50;

    private const string NewLinkKey = "PacketLink";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<LinkRow> Links { get; private set; } = [];

    /// <summary>The clinic that started the plan, whose staff a packet can be shown to; null when no clinic did.</summary>
    public string? ClinicName { get; private set; }

    /// <summary>The link just made, shown on the first page after it was made and never again.</summary>
    public string? NewLink { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NewLink = TempData[NewLinkKey] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.PacketLinks.OfPlan(PlanId).CountAsync(l => l.RevokedAtUtc == null && l.ExpiresAtUtc > now, cancellationToken);
        if (active >= PacketLink.MaxActivePerPlan)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Days)}",
                $"A plan can have at most {PacketLink.MaxActivePerPlan} links that work at once. End one you do not need first.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (token, hash) = SecretTokens.New();
        var link = PacketLink.Create(PlanId, Membership.UserId, hash, InputValidator.DaysOf(Input.Days)!.Value, now);
        if (Input.ShareWithClinic)
        {
            link.SharedWithClinicId = await db.Plans.Where(p => p.Id == PlanId).Select(p => p.StartedByClinicId).SingleAsync(cancellationToken);
        }

        db.PacketLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        TempData[NewLinkKey] = links.To($"/packet/{token}");
        return Redirect($"/plans/{PlanId}/packet");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int linkId, CancellationToken cancellationToken)
    {
        var link = await db.PacketLinks.OfPlan(PlanId).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return NotFound();
        }

        link.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "The link is ended. Anyone who opens it now sees that it has ended.";
        return Redirect($"/plans/{PlanId}/packet");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ClinicName = await (
                from p in db.Plans.Where(p => p.Id == PlanId)
                join c in db.Clinics on p.StartedByClinicId equals c.Id
                select c.Name)
            .SingleOrDefaultAsync(cancellationToken);

        var rows = await (
                from link in db.PacketLinks.OfPlan(PlanId)
                join user in db.Users on link.CreatedByUserId equals user.Id into makers
                from maker in makers.DefaultIfEmpty()
                orderby link.CreatedAtUtc descending
                select new
                {
                    link.Id,
                    link.CreatedByUserId,
                    MakerEmail = maker == null ? null : maker.Email,
                    link.CreatedAtUtc,
                    link.ExpiresAtUtc,
                    link.RevokedAtUtc,
                    link.SharedWithClinicId,
                    OpenCount = link.Opens.Count,
                    Opens = link.Opens.OrderByDescending(o => o.OpenedAtUtc).Take(OpensShown).Select(o => o.OpenedAtUtc).ToList(),
                })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        Links = rows.Select(r => new LinkRow(
                r.Id,
                r.CreatedByUserId == Membership.UserId ? "you" : r.MakerEmail ?? "someone whose account is now deleted",
                r.CreatedAtUtc,
                r.ExpiresAtUtc,
                r.RevokedAtUtc,
                PacketLink.StatusOf(r.ExpiresAtUtc, r.RevokedAtUtc, now),
                r.SharedWithClinicId is not null,
                r.OpenCount,
                r.Opens))
            .ToList();
    }

    public sealed record LinkRow(
        int Id, string MadeBy, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc,
        PacketLinkStatus Status, bool SharedWithClinic, int OpenCount, IReadOnlyList<DateTime> Opens);

    public sealed class InputModel
    {
        /// <summary>Kept as text, so what was typed comes back with the message when it is not a number.</summary>
        public string? Days { get; set; } = PacketLink.DefaultDays.ToString(CultureInfo.InvariantCulture);

        /// <summary>Also list the packet for the staff of the clinic that started the plan (nothing when no clinic did).</summary>
        public bool ShareWithClinic { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public static readonly string DaysMessage = $"Enter a number of days from {PacketLink.MinDays} to {PacketLink.MaxDays}.";

        public InputValidator()
        {
            RuleFor(i => i.Days).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage($"Enter how many days the link should work, from {PacketLink.MinDays} to {PacketLink.MaxDays}.")
                .Must(days => DaysOf(days) is not null).WithMessage(DaysMessage);
        }

        /// <summary>The number of days, or null when the text is not a whole number in the allowed range.</summary>
        public static int? DaysOf(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= PacketLink.MinDays and <= PacketLink.MaxDays
                ? days
                : null;
    }
}
