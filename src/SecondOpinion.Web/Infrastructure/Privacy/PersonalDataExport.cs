using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure.Privacy;

/// <summary>
/// Everything one person has in the app, as one JSON document: their account, and every plan they
/// are a member of with everything in it. The same document is shown as a printable page
/// (<see cref="PersonalDataPage"/>). A table that holds a plan's rows is one line in
/// <see cref="PlanSections"/>; a test checks that every table of the database has its place here
/// or in <see cref="NotPersonal"/>.
/// </summary>
public sealed class PersonalDataExport(AppDbContext db, TimeProvider clock)
{
    /// <summary>One kind of row inside a plan: its heading in the export, and how its rows are read.</summary>
    private sealed record PlanSection(string Name, Type[] Covers, Func<AppDbContext, Guid, CancellationToken, Task<List<object>>> Read);

    private static PlanSection Rows<T>(string name, Func<AppDbContext, IQueryable<T>> rows, params Type[] alsoCovers) where T : class, IPlanOwned =>
        new(name, [typeof(T), .. alsoCovers], (db, planId, cancellationToken) =>
            rows(db).AsNoTracking().OfPlan(planId).Cast<object>().ToListAsync(cancellationToken));

    private static readonly PlanSection[] PlanSections =
    [
        Rows("Steps", db => db.StepProgress.OrderBy(s => s.Step)),
        Rows("Doctors", db => db.Doctors.OrderBy(d => d.Id)),
        Rows("Insurance", db => db.InsuranceCoverages),
        Rows("Insurance calls", db => db.InsuranceCalls.OrderBy(c => c.CalledOn).ThenBy(c => c.Id), typeof(InsuranceAnswer)),
        Rows("Records requests", db => db.RecordsRequests.Include(r => r.History).Include(r => r.Calls).AsSplitQuery().OrderBy(r => r.Id),
            typeof(RecordsStatusChange), typeof(RecordsFollowUpCall)),
        Rows("Questions", db => db.Questions.OrderBy(q => q.Position)),
        Rows("Reading list", db => db.ReadingItems.OrderBy(r => r.Id)),
        Rows("Visit", db => db.Visits),
        Rows("Opinions", db => db.Opinions.OrderBy(o => o.Order)),
        Rows("Decision", db => db.PlanOutcomes),
        Rows("Visit packet links", db => db.PacketLinks.Include(l => l.Opens).OrderBy(l => l.CreatedAtUtc), typeof(PacketLinkOpen)),
    ];

    /// <summary>Tables read outside <see cref="PlanSections"/>: the account, the plan itself, its members, invites and activity.</summary>
    private static readonly Type[] ReadHere =
    [
        typeof(IdentityUser), typeof(IdentityUserClaim<string>), typeof(IdentityUserLogin<string>),
        typeof(IdentityUserToken<string>), typeof(IdentityUserRole<string>), typeof(IdentityUserPasskey<string>), typeof(IdentityPasskeyData),
        typeof(Plan), typeof(PlanMember), typeof(PlanInvite), typeof(PlanActivity),
        typeof(SecurityEvent), typeof(ClinicStaff), typeof(ClinicStaffInvite), typeof(StartLink),
    ];

    /// <summary>Tables that hold nothing about a person, so they are not in the export.</summary>
    public static IReadOnlyCollection<Type> NotPersonal { get; } =
    [
        typeof(IdentityRole), // the app's roles; a person's roles are in the account part
        typeof(IdentityRoleClaim<string>),
        typeof(Clinic), // a clinic's own details; the person's place on its staff is in the account part
        typeof(PacketLinkOpen), // only a time; exported with its link, deleted with its plan
        typeof(RateLimitCounter), // a count under a SHA-256 of an address or an email typed, gone an hour after its window; an account's go with it
        typeof(DataProtectionKey), // the app's own keys (on PostgreSQL only)
    ];

    /// <summary>Every table whose rows about the person are in the export.</summary>
    public static IReadOnlyCollection<Type> Exported { get; } = [.. ReadHere, .. PlanSections.SelectMany(s => s.Covers)];

    public async Task<JsonObject> BuildAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var account = new JsonObject
        {
            ["Email"] = user.Email,
            ["EmailConfirmed"] = user.EmailConfirmed,
            ["PhoneNumber"] = user.PhoneNumber,
            ["TwoFactorEnabled"] = user.TwoFactorEnabled,
            ["LockedOutUntilUtc"] = user.LockoutEnd?.UtcDateTime,
            ["Roles"] = Serialize(await db.UserRoles.Where(r => r.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => new { r.Name }).ToListAsync(cancellationToken)),
            ["Claims"] = Serialize(await db.UserClaims.Where(c => c.UserId == userId)
                .Select(c => new { c.ClaimType, c.ClaimValue }).ToListAsync(cancellationToken)),
            ["SignInsWithOtherSites"] = Serialize(await db.UserLogins.Where(l => l.UserId == userId)
                .Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToListAsync(cancellationToken)),
            // Only the names: a token's value is a secret (an authenticator key), not the person's data.
            ["SavedTokens"] = Serialize(await db.UserTokens.Where(t => t.UserId == userId)
                .Select(t => new { t.LoginProvider, t.Name }).ToListAsync(cancellationToken)),
            // The name and when; a passkey's public key and counters are how the app checks it, not the person's data.
            ["Passkeys"] = Serialize((await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken))
                .OrderBy(p => p.Data.CreatedAt).Select(p => new { p.Data.Name, AddedAtUtc = p.Data.CreatedAt.UtcDateTime }).ToList()),
            ["InvitesToYou"] = Serialize(await InvitesAsync(db.PlanInvites.SentTo(user.NormalizedEmail), cancellationToken)),
            ["SecurityEvents"] = Serialize(await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.AtUtc)
                .Select(e => new { Kind = e.Kind.ToString(), e.AtUtc }).ToListAsync(cancellationToken)),
            ["ClinicsYouAreStaffOf"] = Serialize(await db.ClinicStaff.Where(s => s.UserId == userId)
                .Join(db.Clinics, s => s.ClinicId, c => c.Id, (s, c) => new { c.Name, s.JoinedAtUtc }).ToListAsync(cancellationToken)),
            ["StartLinksYouMade"] = Serialize(await db.StartLinks.Where(l => l.CreatedByUserId == userId)
                .Select(l => new { l.Label, l.CreatedAtUtc, l.RetiredAtUtc }).ToListAsync(cancellationToken)),
            ["StaffInvites"] = Serialize(await db.ClinicStaffInvites.Where(i => i.CreatedByUserId == userId || i.AcceptedByUserId == userId)
                .Concat(db.ClinicStaffInvites.SentTo(user.NormalizedEmail))
                .Select(i => new { i.Email, i.CreatedAtUtc, i.ExpiresAtUtc, i.AcceptedAtUtc, i.CancelledAtUtc }).ToListAsync(cancellationToken)),
        };

        var plans = new JsonArray();
        var memberships = await db.PlanMembers.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.JoinedAtUtc).ToListAsync(cancellationToken);
        foreach (var membership in memberships)
        {
            plans.Add(await PlanAsync(membership, userId, cancellationToken));
        }

        return new JsonObject
        {
            ["MadeAtUtc"] = clock.GetUtcNow().UtcDateTime,
            ["Account"] = account,
            ["Plans"] = plans,
        };
    }

    private async Task<JsonObject> PlanAsync(PlanMember membership, string userId, CancellationToken cancellationToken)
    {
        var planId = membership.PlanId;
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, cancellationToken);
        var section = new JsonObject
        {
            ["Title"] = plan.Title,
            ["YourRole"] = PlanRoles.Name(membership.Role),
            ["For"] = plan.For.ToString(),
            ["PatientName"] = plan.PatientName,
            ["PatientDateOfBirth"] = plan.PatientDateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["About"] = plan.About,
            ["TimeZone"] = plan.TimeZoneId,
            ["CreatedAtUtc"] = plan.CreatedAtUtc,
            ["UpdatedAtUtc"] = plan.UpdatedAtUtc,
        };
        foreach (var rows in PlanSections)
        {
            section[rows.Name] = Serialize(await rows.Read(db, planId, cancellationToken));
        }

        section["Members"] = Serialize(await db.PlanMembers.OfPlan(planId).OrderBy(m => m.JoinedAtUtc)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, Role = PlanRoles.Name(m.Role), m.JoinedAtUtc })
            .ToListAsync(cancellationToken));
        section["InvitesYouMade"] = Serialize(await InvitesAsync(
            db.PlanInvites.OfPlan(planId).Where(i => i.CreatedByUserId == userId), cancellationToken));
        section["Activity"] = Serialize(await db.PlanActivities.OfPlan(planId)
            .OrderBy(a => a.AtUtc)
            .Select(a => new
            {
                a.AtUtc,
                Who = a.ActorUserId == userId ? "You" : db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.Email).FirstOrDefault() ?? "Someone whose account is deleted",
                What = a.Text,
            })
            .ToListAsync(cancellationToken));
        return section;
    }

    /// <summary>Invites without their token hash, which is a secret of the link, not the person's data.</summary>
    private static Task<List<InviteRow>> InvitesAsync(IQueryable<PlanInvite> invites, CancellationToken cancellationToken) =>
        invites.OrderBy(i => i.CreatedAtUtc)
            .Select(i => new InviteRow(i.Email, i.Role, i.CreatedAtUtc, i.ExpiresAtUtc, i.AcceptedAtUtc, i.CancelledAtUtc))
            .ToListAsync(cancellationToken);

    private sealed record InviteRow(string Email, PlanRole Role, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? AcceptedAtUtc, DateTime? CancelledAtUtc);

    public static string ToJson(JsonObject export) => export.ToJsonString(Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private JsonSerializerOptions? rowOptions;

    /// <summary>
    /// Rows as JSON with exactly the columns stored in the database (no computed properties, no
    /// version counters), enums as their names.
    /// </summary>
    private JsonNode? Serialize<T>(IReadOnlyList<T> rows) =>
        JsonSerializer.SerializeToNode(rows, rowOptions ??= new JsonSerializerOptions
        {
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { info => KeepStoredColumns(db.Model, info) } },
        });

    private static void KeepStoredColumns(IModel model, JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || model.FindEntityType(info.Type) is not { } entity)
        {
            return;
        }

        // A link's token hash opens nothing once exported, but it is the app's secret, not the person's data.
        var stored = entity.GetProperties().Where(p => !p.IsConcurrencyToken && p.Name != nameof(PacketLink.TokenHash)).Select(p => p.Name)
            .Concat(entity.GetNavigations().Select(n => n.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var property in info.Properties.Where(p => !stored.Contains(p.Name)).ToList())
        {
            info.Properties.Remove(property);
        }
    }
}
