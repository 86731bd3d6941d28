using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.TestSupport;

/// <summary>Reading and arranging data straight in the test app's database, for what no page does yet.</summary>
public static class TestData
{
    public static Guid PlanId(string planPath) => Guid.Parse(planPath["/plans/".Length..]);

    public static async Task<T> QueryAsync<T>(this TestApp app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Puts an existing account on a plan with a role, as the sharing feature will.</summary>
    public static async Task AddMemberAsync(this TestApp app, string planPath, string email, PlanRole role, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(cancellationToken);
        db.PlanMembers.Add(new PlanMember { PlanId = PlanId(planPath), UserId = userId, Role = role, JoinedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }
}
