using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Activity;
using SecondOpinion.Web.Pages.Records;
using SecondOpinion.Web.Pages.Visits;

namespace SecondOpinion.Web.Pages.Packet;

/// <summary>
/// What a visit packet shows, read for one link: the visit sheet, the records requests, and who
/// shared it until when. The public packet page and the clinic's staff page both show it with
/// the partial <c>_Packet.cshtml</c>.
/// </summary>
public sealed record PacketContent(
    VisitSheet Sheet, IReadOnlyList<RecordsRequestSummary> Records, string SharedBy, DateTime SharedAtUtc, DateTime ExpiresAtUtc)
{
    public static async Task<PacketContent> LoadAsync(AppDbContext db, PacketLink link, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sheet = await db.VisitSheetAsync(link.PlanId, cancellationToken);
        return new(
            sheet,
            await db.RecordsOverviewAsync(link.PlanId, clock.Today(sheet.Plan.TimeZoneId), cancellationToken),
            await db.Users.AsNoTracking().Where(u => u.Id == link.CreatedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
                ?? "Someone who no longer has an account",
            link.CreatedAtUtc,
            link.ExpiresAtUtc);
    }

    /// <summary>
    /// Keeps one opening of the link: its time, and a line in the plan's activity list, saved
    /// together. A clinic's staff member is named in the list; someone with the link is not.
    /// Only a GET counts: HEAD is what link checkers send.
    /// </summary>
    public static Task RecordOpeningAsync(
        AppDbContext db, ActivityLog activity, PacketLink link, HttpRequest request, string? staffUserId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return Task.CompletedTask;
        }

        db.PacketLinkOpens.Add(new PacketLinkOpen { PacketLinkId = link.Id, OpenedAtUtc = nowUtc });
        activity.Add(link.PlanId, staffUserId, staffUserId is null ? ActivityPhrases.PacketOpened : ActivityPhrases.PacketOpenedByClinicStaff);
        return db.SaveChangesAsync(cancellationToken);
    }
}
