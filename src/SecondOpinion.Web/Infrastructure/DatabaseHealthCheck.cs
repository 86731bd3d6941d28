using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// Readiness: the database answers. A load balancer may ask many times a second, so the answer is
/// kept for <see cref="KeepFor"/> and the database is asked at most that often. One instance
/// serves every request (registered as a singleton).
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(1);

    private Answer? last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (last is { } kept && now - kept.At < KeepFor)
        {
            return kept.Result;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.");
        last = new Answer(result, now);
        return result;
    }

    /// <summary>A class, so that replacing the kept answer is one atomic write when requests overlap.</summary>
    private sealed record Answer(HealthCheckResult Result, DateTimeOffset At);
}
