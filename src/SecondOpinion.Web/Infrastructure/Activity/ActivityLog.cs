using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure.Activity;

/// <summary>
/// Writes lines to a plan's activity list. The text must be one of the app's own fixed phrases
/// (see <see cref="ActivityPhrases"/>), never words a person typed.
/// </summary>
public sealed class ActivityLog(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Adds a line that is saved together with the caller's own changes, in one save.</summary>
    public void Add(Guid planId, string? actorUserId, string text) => db.PlanActivities.Add(Line(planId, actorUserId, text));

    /// <summary>
    /// Puts the line of a change into this request's context before the change is made, so the
    /// change's own save writes it in the same commit: one flush to disk for the two, not two.
    /// After the change, <see cref="SettleAsync"/> decides what becomes of it.
    /// </summary>
    public PlanActivity Stage(Guid planId, string actorUserId, string text) => db.PlanActivities.Add(Line(planId, actorUserId, text)).Entity;

    /// <summary>
    /// After the request: a staged line that the change's save wrote stays written (a change was
    /// saved, so the line is true). One the request did not save (it changed nothing through a
    /// save, or the save failed and dropped it) is written on its own if the change
    /// <paramref name="succeeded"/>, and otherwise dropped.
    /// </summary>
    public async Task SettleAsync(PlanActivity line, bool succeeded, CancellationToken cancellationToken)
    {
        var entry = db.Entry(line);
        if (entry.State == EntityState.Unchanged)
        {
            return;
        }

        entry.State = EntityState.Detached;
        if (succeeded)
        {
            await RecordAsync(line.PlanId, line.ActorUserId, line.Text, cancellationToken);
        }
    }

    /// <summary>
    /// Writes a line at once, through its own database context, so it never saves anything else
    /// the request happens to have loaded.
    /// </summary>
    public async Task RecordAsync(Guid planId, string? actorUserId, string text, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        own.PlanActivities.Add(Line(planId, actorUserId, text));
        await own.SaveChangesAsync(cancellationToken);
    }

    private PlanActivity Line(Guid planId, string? actorUserId, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > PlanActivity.TextMaxLength)
        {
            throw new ArgumentException($"An activity line is a short fixed phrase of at most {PlanActivity.TextMaxLength} characters.", nameof(text));
        }

        return new PlanActivity { PlanId = planId, ActorUserId = actorUserId, AtUtc = clock.GetUtcNow().UtcDateTime, Text = text };
    }
}
