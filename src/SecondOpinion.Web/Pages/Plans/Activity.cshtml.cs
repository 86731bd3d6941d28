using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Activity;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>Who did what on the plan, and when, newest first. Owners and caregivers see it; viewers get 404.</summary>
[PlanAccess(Open = [PlanRole.Owner, PlanRole.Caregiver])]
public class ActivityModel(AppDbContext db) : PlanPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public bool HasOlder { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var me = Membership.UserId;
        var rows = await (
                from line in db.PlanActivities.OfPlan(PlanId)
                join user in db.Users on line.ActorUserId equals user.Id into actors
                from actor in actors.DefaultIfEmpty()
                orderby line.AtUtc descending, line.Id descending
                select new { line.AtUtc, line.Text, line.ActorUserId, Email = actor == null ? null : actor.Email })
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);

        HasOlder = rows.Count > PageSize;
        Lines = rows.Take(PageSize)
            .Select(r => ActivityPhrases.HasNoActor(r.Text)
                ? new Line(PlanTime.Describe(r.AtUtc, TimeZoneId), null, char.ToUpperInvariant(r.Text[0]) + r.Text[1..])
                : new Line(
                    PlanTime.Describe(r.AtUtc, TimeZoneId),
                    r.ActorUserId == me ? "You" : r.Email ?? "Someone whose account is now deleted",
                    r.Text))
            .ToList();
    }

    /// <summary>A line of the list; <see cref="Who"/> is null for a line that names no person.</summary>
    public sealed record Line(string When, string? Who, string What);
}
