using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.TestSupport;

/// <summary>
/// A plan with one of everything in it (doctors, an insurance call, a records request, questions,
/// a reading item, an opinion, a visit, an invite, a visit packet link that works, one that has
/// expired and one that was ended), written straight to the database, and the ids
/// of its rows by the name a route or form gives them. For tests that go over every page. With
/// clinic staff, the plan was started from a start link of a clinic (with a staff invite waiting),
/// and another clinic has its own staff.
/// </summary>
public sealed record SeededPlan(Guid PlanId, IReadOnlyDictionary<string, int> ChildIds, IReadOnlyDictionary<PacketLinkStatus, string> PacketTokens)
{
    /// <summary>The clinic whose start link began the plan, when seeded with clinic staff.</summary>
    public Guid? ClinicId { get; init; }

    /// <summary>The raw token of that start link.</summary>
    public string? StartToken { get; init; }

    /// <summary>Hidden form fields that carry a row's id, and which row's.</summary>
    public static readonly Dictionary<string, string> FormIdFields = new()
    {
        ["id"] = "questionId",
        ["swapWith"] = "questionId",
        ["memberId"] = "memberId",
        ["inviteId"] = "inviteId",
        ["doctorId"] = "doctorId",
    };

    public string Path => $"/plans/{PlanId}";

    /// <summary>A path for a route template, with this plan's ids, and <paramref name="packetToken"/> for a packet link's token.</summary>
    public string PathFor(string template, string? packetToken = null) =>
        Endpoints.PathFor(template, PlanId, name => name switch
        {
            "path" => "robots.txt",
            "clinicId" => ClinicId?.ToString(),
            "token" when template.StartsWith("start/", StringComparison.Ordinal) => StartToken,
            "token" when template.StartsWith("packet/", StringComparison.Ordinal) => packetToken,
            _ => ChildIds.TryGetValue(name, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null,
        });

    /// <summary>The fields of a post made by hand, when the page shows no form for the handler: the token and the ids its forms carry.</summary>
    public Dictionary<string, string> FieldsFor(string template, string antiforgeryToken)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgeryToken,
            ["id"] = Id(template.EndsWith("reading", StringComparison.Ordinal) ? "readingId" : "questionId"),
            ["memberId"] = Id("memberId"),
            ["inviteId"] = Id("inviteId"),
        };
        if (template.StartsWith("clinics/", StringComparison.Ordinal) && ChildIds.ContainsKey("staffId"))
        {
            fields["inviteId"] = Id("staffInviteId");
            fields["staffId"] = Id("staffId");
            fields["linkId"] = Id("linkId");
        }

        return fields;
    }

    public string Id(string name) => ChildIds[name].ToString(CultureInfo.InvariantCulture);

    /// <param name="members">Other accounts to put on the plan, with their roles.</param>
    /// <param name="removedUserId">An account that was on the plan and has been taken off it.</param>
    /// <param name="clinicStaff">The staff of the clinic whose start link began the plan, and of another clinic.</param>
    public static async Task<SeededPlan> SeedAsync(
        TestApp app, string ownerUserId, IEnumerable<(string UserId, PlanRole Role)>? members = null, string? removedUserId = null,
        (string OfThePlansClinic, string OfAnotherClinic)? clinicStaff = null)
    {
        var cancellationToken = CancellationToken.None;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var plan = Plan.Start(ownerUserId, PlanFor.SomeoneIHelp, "Maria Lopez", "Knee surgery", now);
        foreach (var (userId, role) in members ?? [])
        {
            plan.Members.Add(new PlanMember { UserId = userId, Role = role, JoinedAtUtc = now });
        }

        db.Plans.Add(plan);
        var doctor = new Doctor { PlanId = plan.Id, Name = "Dr. Chen", CreatedAtUtc = now, UpdatedAtUtc = now };
        var second = new Doctor { PlanId = plan.Id, Name = "Dr. Park", CreatedAtUtc = now, UpdatedAtUtc = now };
        var call = new InsuranceCall { PlanId = plan.Id, Company = "Acme Health", CalledOn = DateOnly.FromDateTime(now), CreatedAtUtc = now, UpdatedAtUtc = now };
        var records = RecordsRequest.Start(plan, RecordsRoute.RightOfAccess, DateOnly.FromDateTime(now), now);
        var first = new Question { PlanId = plan.Id, Text = "How long is recovery?", Position = 1, CreatedAtUtc = now, UpdatedAtUtc = now };
        var next = new Question { PlanId = plan.Id, Text = "What if I wait?", Position = 2, CreatedAtUtc = now, UpdatedAtUtc = now };
        var reading = new ReadingItem { PlanId = plan.Id, Title = "Knee basics", CreatedAtUtc = now };
        var opinion = new Opinion { PlanId = plan.Id, Order = OpinionOrder.First, DoctorName = "Dr. Chen", GivenOn = DateOnly.FromDateTime(now), CreatedAtUtc = now, UpdatedAtUtc = now };
        db.AddRange(doctor, second, call, records, first, next, reading, opinion);
        await db.SaveChangesAsync(cancellationToken);
        db.Visits.Add(new Visit { PlanId = plan.Id, DoctorId = doctor.Id, StartsAtUtc = now.AddDays(10), Kind = VisitKind.InPerson, Place = "400 College Avenue", CreatedAtUtc = now, UpdatedAtUtc = now });
        var invite = PlanInvite.Create(plan.Id, Journeys.NewEmail(), PlanRole.Viewer, ownerUserId, SecretTokens.New().Hash, now);
        db.PlanInvites.Add(invite);
        var packetTokens = new Dictionary<PacketLinkStatus, string>();
        var packetLinks = new Dictionary<PacketLinkStatus, PacketLink>();
        foreach (var status in Enum.GetValues<PacketLinkStatus>())
        {
            var (token, hash) = SecretTokens.New();
            var link = PacketLink.Create(plan.Id, ownerUserId, hash, PacketLink.DefaultDays, status == PacketLinkStatus.Expired ? now.AddDays(-30) : now);
            if (status == PacketLinkStatus.Revoked)
            {
                link.Revoke(now);
            }

            db.PacketLinks.Add(link);
            packetTokens[status] = token;
            packetLinks[status] = link;
        }

        if (removedUserId is not null)
        {
            var removed = new PlanMember { PlanId = plan.Id, UserId = removedUserId, Role = PlanRole.Caregiver, JoinedAtUtc = now };
            db.PlanMembers.Add(removed);
            await db.SaveChangesAsync(cancellationToken);
            db.PlanMembers.Remove(removed);
        }

        await db.SaveChangesAsync(cancellationToken);
        var member = plan.Members.FirstOrDefault(m => m.Role != PlanRole.Owner) ?? plan.Members[0];
        var ids = new Dictionary<string, int>
        {
            ["doctorId"] = doctor.Id,
            ["callId"] = call.Id,
            ["requestId"] = records.Id,
            ["questionId"] = first.Id,
            ["opinionId"] = opinion.Id,
            ["memberId"] = member.Id,
            ["inviteId"] = invite.Id,
            ["readingId"] = reading.Id,
        };
        if (clinicStaff is not { } staff)
        {
            return new SeededPlan(plan.Id, ids, packetTokens);
        }

        var clinic = new Clinic { Name = "Riverside Heart Clinic", RecordsFax = "555-201-3099", CreatedAtUtc = now, UpdatedAtUtc = now };
        var another = new Clinic { Name = "Lakeside Cancer Center", CreatedAtUtc = now, UpdatedAtUtc = now };
        var (startToken, startHash) = SecretTokens.New();
        var startLink = new StartLink { ClinicId = clinic.Id, Label = "Front desk", TokenHash = startHash, CreatedByUserId = staff.OfThePlansClinic, CreatedAtUtc = now };
        var staffRow = new ClinicStaff { ClinicId = clinic.Id, UserId = staff.OfThePlansClinic, JoinedAtUtc = now };
        var staffInvite = ClinicStaffInvite.Create(clinic.Id, Journeys.NewEmail(), staff.OfThePlansClinic, SecretTokens.New().Hash, now);
        db.AddRange(clinic, another, startLink, staffRow, staffInvite,
            new ClinicStaff { ClinicId = another.Id, UserId = staff.OfAnotherClinic, JoinedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        var started = await db.Plans.SingleAsync(p => p.Id == plan.Id, cancellationToken);
        started.StartedByClinicId = clinic.Id;
        started.StartLinkId = startLink.Id;
        packetLinks[PacketLinkStatus.Active].SharedWithClinicId = clinic.Id;
        await db.SaveChangesAsync(cancellationToken);
        ids["packetId"] = packetLinks[PacketLinkStatus.Active].Id;
        ids["linkId"] = startLink.Id;
        ids["staffId"] = staffRow.Id;
        ids["staffInviteId"] = staffInvite.Id;
        return new SeededPlan(plan.Id, ids, packetTokens) { ClinicId = clinic.Id, StartToken = startToken };
    }

    /// <summary>Everything in the plan that a stray id could change, as one comparable string.</summary>
    public async Task<string> SnapshotAsync(TestApp app) => await app.QueryAsync(async db => string.Join("|",
        string.Join(",", await db.Questions.IgnoreQueryFilters().Where(q => q.PlanId == PlanId).OrderBy(q => q.Id).Select(q => $"{q.Id}:{q.Text}:{q.Position}:{q.IsAsked}:{q.DeletedAtUtc}:{q.Version}").ToListAsync()),
        string.Join(",", await db.ReadingItems.Where(r => r.PlanId == PlanId).OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Title}:{r.DeletedAtUtc}").ToListAsync()),
        string.Join(",", await db.PlanMembers.Where(m => m.PlanId == PlanId).OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Role}").ToListAsync()),
        string.Join(",", await db.PlanInvites.Where(i => i.PlanId == PlanId).OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.TokenHash}:{i.CancelledAtUtc}").ToListAsync()),
        string.Join(",", await db.Doctors.Where(d => d.PlanId == PlanId).OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Name}:{d.IsSecondOpinionDoctor}:{d.Version}").ToListAsync()),
        string.Join(",", await db.RecordsRequests.Where(r => r.PlanId == PlanId).OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Status}:{r.Version}").ToListAsync()),
        string.Join(",", await db.Opinions.Where(o => o.PlanId == PlanId).OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Version}").ToListAsync()),
        string.Join(",", await db.InsuranceCalls.Where(c => c.PlanId == PlanId).OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Version}").ToListAsync()),
        await db.Plans.Where(p => p.Id == PlanId).Select(p => $"{p.PatientName}:{p.About}:{p.Version}").SingleOrDefaultAsync()));
}
