using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure.Commands;

/// <summary>
/// Fills an empty database for <c>bench/run.sh</c>: one account (<see cref="Email"/>, <see
/// cref="Password"/>) with a plan of 50 questions and a records request, empty plans of its own
/// for the write benchmark to add questions to (a list holds 200), and a number of other
/// people's plans, so the pages can be measured on a small and on a large database. Never for
/// real data.
/// </summary>
public static class SeedBenchmarkCommand
{
    public const string Email = "benchmark@example.com";
    public const string Password = "benchmark kettle garden";
    public const int QuestionCount = 50;
    public const int WritePlanCount = 100;

    /// <summary>Plans saved per round trip: big enough to be quick, small enough to keep memory flat.</summary>
    private const int Batch = 2_000;

    public static async Task<int> RunAsync(IServiceProvider services, int otherPlans, TextWriter output, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Plans.AnyAsync(cancellationToken))
        {
            await output.WriteLineAsync("The database already has plans. Seed only a new, empty database.");
            return 1;
        }

        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var person = await CreateUserAsync(users, Email);
        var plan = Plan.Start(person.Id, PlanFor.SomeoneIHelp, "Alex Benchmark", "Whether surgery is the right choice.", now);
        db.Plans.Add(plan);
        var writePlans = Enumerable.Range(0, WritePlanCount).Select(_ => Plan.Start(person.Id, PlanFor.Myself, null, null, now)).ToList();
        db.Plans.AddRange(writePlans);
        for (var i = 1; i <= QuestionCount; i++)
        {
            db.Questions.Add(new Question { PlanId = plan.Id, Text = $"Question number {i}: what are the other choices?", Position = i, CreatedAtUtc = now, UpdatedAtUtc = now });
        }

        var request = new RecordsRequest { PlanId = plan.Id, Route = RecordsRoute.RightOfAccess, PatientName = "Alex Benchmark", HolderName = "City Clinic", CreatedAtUtc = now, UpdatedAtUtc = now };
        db.RecordsRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);

        var other = await CreateUserAsync(users, "someone-else@example.com");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var done = 0; done < otherPlans; done += Batch)
        {
            for (var i = done; i < Math.Min(done + Batch, otherPlans); i++)
            {
                db.Plans.Add(Plan.Start(other.Id, PlanFor.Myself, null, null, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await output.WriteLineAsync($"Seeded {Email} with plan {plan.Id} (records request {request.Id}), and {otherPlans} other plans.");
        foreach (var writePlan in writePlans)
        {
            await output.WriteLineAsync($"write plan {writePlan.Id}");
        }

        return 0;
    }

    private static async Task<IdentityUser> CreateUserAsync(UserManager<IdentityUser> users, string email)
    {
        var user = new IdentityUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, Password);
        return created.Succeeded
            ? user
            : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }
}
