using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>A records request with its deadline as of today (null unless it is sent and not yet received).</summary>
public sealed record RecordsRequestSummary(RecordsRequest Request, RecordsDeadline? Deadline)
{
    public bool NeedsAttention => Deadline?.State is RecordsDueState.DueSoon or RecordsDueState.Overdue;
}

public static class RecordsOverview
{
    /// <summary>The plan's records requests, oldest first, each with where it stands on <paramref name="today"/> (in the plan's time zone).</summary>
    public static async Task<IReadOnlyList<RecordsRequestSummary>> RecordsOverviewAsync(
        this AppDbContext db, Guid planId, DateOnly today, CancellationToken cancellationToken)
    {
        var requests = await db.RecordsRequests.AsNoTracking().OfPlan(planId)
            .OrderBy(r => r.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return requests.Select(r => new RecordsRequestSummary(r, r.DeadlineOn(today))).ToList();
    }

    /// <summary>
    /// True until a records request to this doctor is marked received: none asked for yet, or
    /// asked for and still on the way. The visit page warns about this when the visit is close.
    /// </summary>
    public static async Task<bool> RecordsNotYetReceivedAsync(this AppDbContext db, Guid planId, int doctorId, CancellationToken cancellationToken) =>
        !await db.RecordsRequests.OfPlan(planId)
            .AnyAsync(r => r.RecipientDoctorId == doctorId && r.Status == RecordsRequestStatus.Received, cancellationToken);
}
