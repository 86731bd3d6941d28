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
