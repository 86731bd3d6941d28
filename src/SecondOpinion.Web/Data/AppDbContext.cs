using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data;

/// <summary>
/// The model, the same on every provider. On SQLite this type is the context itself; on
/// PostgreSQL it is <see cref="PostgreSqlAppDbContext"/>, which adds the data-protection keys and
/// keeps its own migrations. The options are untyped so that both can pass theirs in.
/// </summary>
public class AppDbContext(DbContextOptions options)
    : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanMember> PlanMembers => Set<PlanMember>();
    public DbSet<PlanInvite> PlanInvites => Set<PlanInvite>();
    public DbSet<PlanActivity> PlanActivities => Set<PlanActivity>();
    public DbSet<PacketLink> PacketLinks => Set<PacketLink>();
    public DbSet<PacketLinkOpen> PacketLinkOpens => Set<PacketLinkOpen>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<StepProgress> StepProgress => Set<StepProgress>();
    public DbSet<Doctor> Doctors => Set<Doctor>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<ReadingItem> ReadingItems => Set<ReadingItem>();
    public DbSet<RecordsRequest> RecordsRequests => Set<RecordsRequest>();
    public DbSet<InsuranceCoverage> InsuranceCoverages => Set<InsuranceCoverage>();
    public DbSet<InsuranceCall> InsuranceCalls => Set<InsuranceCall>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Opinion> Opinions => Set<Opinion>();
    public DbSet<PlanOutcome> PlanOutcomes => Set<PlanOutcome>();
    public DbSet<Clinic> Clinics => Set<Clinic>();
    public DbSet<ClinicStaff> ClinicStaff => Set<ClinicStaff>();
    public DbSet<ClinicStaffInvite> ClinicStaffInvites => Set<ClinicStaffInvite>();
    public DbSet<StartLink> StartLinks => Set<StartLink>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as UTC; this marks them as UTC again when they are read back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves only if the row is still at the version the person's form was based on; see
    /// <see cref="SaveUnlessChangedAsync"/>.
    /// </summary>
    public void ExpectVersion<T>(T entity, int version) where T : class, IVersioned =>
        Entry(entity).Property(e => e.Version).OriginalValue = version;

    /// <summary>
    /// Saves, unless someone else got there first: a row changed since the person's form was
    /// based on it (<see cref="ExpectVersion"/>), or the same one-per-plan row made at the same
    /// moment (a unique index). Then nothing is saved, the tracked changes are dropped so the page
    /// can load what is there now, and the answer is false.
    /// </summary>
    public async Task<bool> SaveUnlessChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            ChangeTracker.Clear();
            return false;
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toDb => toDb.Kind == DateTimeKind.Utc ? toDb : toDb.ToUniversalTime(),
        fromDb => DateTime.SpecifyKind(fromDb, DateTimeKind.Utc));
}
