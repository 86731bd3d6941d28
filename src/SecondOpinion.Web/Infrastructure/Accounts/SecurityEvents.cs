using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure.Accounts;

/// <summary>The one writer of an account's security events (<see cref="SecurityEvent"/>).</summary>
public sealed class SecurityEvents(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>
    /// Writes the event at once, through its own database context, so it never saves anything
    /// else the request happens to have loaded (and is kept even when the request then fails).
    /// A null <paramref name="userId"/> is an event of no one (an account was deleted).
    /// </summary>
    public async Task RecordAsync(string? userId, SecurityEventKind kind, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.SecurityEvents.Add(new SecurityEvent { UserId = userId, Kind = kind, AtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }
}
