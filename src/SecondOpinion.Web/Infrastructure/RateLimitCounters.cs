using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// The counts of every rate limit, in the database (<see cref="RateLimitCounter"/>), so several
/// app instances share them: a request is let through only when one conditional update (or the
/// insert that starts a window) adds it to a count still under the limit. Each count uses its
/// own database context, so it never saves anything the request has loaded.
/// </summary>
public sealed class RateLimitCounters(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How often one instance deletes the rows of windows that have ended.</summary>
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(5);

    private static readonly RateLimitLease Allowed = new CountLease(true, null);

    /// <summary>The answer of a limiter that cannot decide without waiting for the database.</summary>
    internal static readonly RateLimitLease NotWithoutWaiting = new CountLease(false, null);

    private long nextCleanupTicks;

    /// <summary>The row key of one client address under one policy.</summary>
    public static string AddressKey(string policy, string address) => KeyFor(policy, "address", address);

    /// <summary>The row key of one account under one policy: the email typed, or the account's id, however it is written.</summary>
    public static string AccountKey(string policy, string account) => KeyFor(policy, "account", account.Trim().ToUpperInvariant());

    /// <summary>Only the SHA-256 of the address or account is kept, never the address or the email.</summary>
    private static string KeyFor(string policy, string countedBy, string partition) =>
        $"{policy}:{countedBy}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(partition)))}";

    /// <summary>Counts one request against <paramref name="key"/>; refused when the window already has <paramref name="limit"/>, with the time until it ends.</summary>
    public async ValueTask<RateLimitLease> TakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var start = RateLimitCounter.WindowStart(now, window);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (await CountOneMoreAsync(db, key, start, limit, cancellationToken))
        {
            return Allowed;
        }

        if (!await db.RateLimitCounters.AnyAsync(c => c.Key == key && c.WindowStartUtc == start, cancellationToken))
        {
            db.RateLimitCounters.Add(new RateLimitCounter { Key = key, WindowStartUtc = start, WindowEndUtc = start + window, Count = 1 });
            if (await db.SaveUnlessChangedAsync(cancellationToken))
            {
                await DeleteEndedWindowsWhenDueAsync(db, now, cancellationToken);
                return Allowed;
            }

            // Another instance started this window at the same moment: count on its row.
            if (await CountOneMoreAsync(db, key, start, limit, cancellationToken))
            {
                return Allowed;
            }
        }

        return new CountLease(false, start + window - now);
    }

    private static async Task<bool> CountOneMoreAsync(AppDbContext db, string key, DateTime start, int limit, CancellationToken cancellationToken) =>
        await db.RateLimitCounters
            .Where(c => c.Key == key && c.WindowStartUtc == start && c.Count < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken) == 1;

    /// <summary>At most once in <see cref="CleanupEvery"/> per instance, when a new window starts (only then does the table grow).</summary>
    private async Task DeleteEndedWindowsWhenDueAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref nextCleanupTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref nextCleanupTicks, (now + CleanupEvery).Ticks, due) != due)
        {
            return;
        }

        await db.RateLimitCounters.Where(c => c.WindowEndUtc <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private sealed class CountLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

/// <summary>
/// One client address under one policy, for the ASP.NET Core rate limiting middleware, counted
/// by <see cref="RateLimitCounters"/> (a request is one permit). It holds no count itself, so it
/// says it is idle and the middleware drops it at once instead of keeping one per address.
/// </summary>
internal sealed class SharedCountLimiter(RateLimitCounters counters, string key, int limit, TimeSpan window) : RateLimiter
{
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    // Counting needs the database, which is never waited for on a request thread: "not without
    // waiting" makes the middleware ask AcquireAsync, which counts.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => RateLimitCounters.NotWithoutWaiting;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        counters.TakeAsync(key, limit, window, cancellationToken);
}
