using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// The visit packets patients have shared with this clinic, while their links work: the plan's
/// title, who shared it and until when. Opening one is in the patient's activity list.
/// </summary>
public class PacketsModel(AppDbContext db, TimeProvider clock) : ClinicPageModel
{
    public IReadOnlyList<SharedPacket> Packets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (
                from link in db.PacketLinks
                where link.SharedWithClinicId == ClinicId && link.RevokedAtUtc == null && link.ExpiresAtUtc > now
                join plan in db.Plans on link.PlanId equals plan.Id
                join user in db.Users on link.CreatedByUserId equals user.Id into sharers
                from sharer in sharers.DefaultIfEmpty()
                orderby link.CreatedAtUtc descending
                select new { link.Id, plan.For, plan.PatientName, plan.TimeZoneId, SharedBy = sharer == null ? null : sharer.Email, link.CreatedAtUtc, link.ExpiresAtUtc })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        Packets = rows.Select(r => new SharedPacket(
                r.Id, Plan.TitleFor(r.For, r.PatientName), r.SharedBy ?? "someone who no longer has an account", r.CreatedAtUtc, r.ExpiresAtUtc, r.TimeZoneId))
            .ToList();
    }

    public sealed record SharedPacket(int Id, string PlanTitle, string SharedBy, DateTime SharedAtUtc, DateTime ExpiresAtUtc, string TimeZoneId);
}
