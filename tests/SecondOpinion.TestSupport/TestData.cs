using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

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

    /// <summary>
    /// How many rows each table of the model holds, by table name; the data-protection keys (the
    /// app's own, made when it starts, and in the model on PostgreSQL only) are left out.
    /// </summary>
    public static async Task<Dictionary<string, int>> RowCountsAsync(this TestApp app) => await app.QueryAsync(async db =>
    {
        var counts = new Dictionary<string, int>();
        var tables = db.Model.GetEntityTypes().Where(e => e.ClrType != typeof(DataProtectionKey)).Select(e => e.GetTableName()!).Distinct();
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            var count = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<int>(count).SingleAsync();
        }

        return counts;
    });

    /// <summary>Puts an existing account on a plan with a role, as the sharing feature will.</summary>
    public static async Task AddMemberAsync(this TestApp app, string planPath, string email, PlanRole role, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(cancellationToken);
        db.PlanMembers.Add(new PlanMember { PlanId = PlanId(planPath), UserId = userId, Role = role, JoinedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Stores a passkey for the account, as Identity does after a browser made one (its key is
    /// random bytes: good for listing, renaming and removing, not for signing in). Returns its id
    /// as the pages write it.
    /// </summary>
    public static async Task<string> AddPasskeyAsync(this TestApp app, string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}.");
        var id = RandomNumberGenerator.GetBytes(32);
        // Id, public key, made at, signature count, transports, user verified, backup eligible, backed up, attestation, client data.
        var passkey = new UserPasskeyInfo(id, RandomNumberGenerator.GetBytes(77), app.Clock.GetUtcNow(), 0, ["internal"], true, false, false, [1], [2])
        {
            Name = name,
        };
        var result = await users.AddOrUpdatePasskeyAsync(user, passkey);
        return result.Succeeded ? WebEncoders.Base64UrlEncode(id) : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A signed-in account with the given role on the plan; with no role, a stranger to it.</summary>
    public static async Task<AppClient> OtherPersonAsync(this TestApp app, string plan, PlanRole? role, CancellationToken cancellationToken = default)
    {
        var email = Journeys.NewEmail();
        var client = new AppClient(app);
        await client.SignUpAsync(email, cancellationToken);
        if (role is { } given)
        {
            await app.AddMemberAsync(plan, email, given, cancellationToken);
        }

        return client;
    }

    /// <summary>A valid antiforgery token for this client, taken from one of its own forms, for posts made by hand.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this AppClient client, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync("/plans/new", cancellationToken);
        return form.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>
    /// The bytes of the app's database file and of its write-ahead log (when there is one), read
    /// while the app has them open, to check what a stolen copy would hold.
    /// </summary>
    public static async Task<IReadOnlyList<byte[]>> DatabaseFileBytesAsync(this TestApp app, CancellationToken cancellationToken = default)
    {
        if (app.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("Only SQLite keeps the database in the app's folder: give this test the trait Database=Sqlite.");
        }

        var files = new List<byte[]>();
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            files.Add(copy.ToArray());
        }

        return files;
    }
}
