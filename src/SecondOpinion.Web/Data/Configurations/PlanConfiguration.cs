using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.PatientName).HasMaxLength(Plan.PatientNameMaxLength);
        builder.Property(p => p.About).HasMaxLength(Plan.AboutMaxLength);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Title);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(p => p.StartedByClinicId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StartLink>().WithMany().HasForeignKey(p => p.StartLinkId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.StartLinkId);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
