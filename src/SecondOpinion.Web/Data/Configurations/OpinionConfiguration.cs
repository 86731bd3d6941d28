using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class OpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        // One first, one second and one third opinion per plan.
        builder.HasIndex(o => new { o.PlanId, o.Order }).IsUnique();
        // The opinion keeps the doctor's name when the doctor leaves the list.
        builder.HasOne<Doctor>().WithMany().HasForeignKey(o => o.DoctorId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(o => o.DoctorName).HasMaxLength(Opinion.DoctorNameMaxLength);
        builder.Property(o => o.Diagnosis).HasMaxLength(Opinion.DiagnosisMaxLength);
        builder.Property(o => o.Recommendation).HasMaxLength(Opinion.RecommendationMaxLength);
        builder.Property(o => o.Notes).HasMaxLength(Opinion.NotesMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

public class PlanOutcomeConfiguration : IEntityTypeConfiguration<PlanOutcome>
{
    public void Configure(EntityTypeBuilder<PlanOutcome> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.PlanId).IsUnique();
        builder.Property(o => o.Decision).HasMaxLength(PlanOutcome.DecisionMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.IsFinished);
    }
}
