using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class StepProgressConfiguration : IEntityTypeConfiguration<StepProgress>
{
    public void Configure(EntityTypeBuilder<StepProgress> builder)
    {
        builder.HasIndex(s => new { s.PlanId, s.Step }).IsUnique();
        builder.Property(s => s.Notes).HasMaxLength(StepProgress.NotesMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
