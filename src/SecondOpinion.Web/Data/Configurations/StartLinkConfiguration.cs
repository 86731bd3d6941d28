using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class StartLinkConfiguration : IEntityTypeConfiguration<StartLink>
{
    public void Configure(EntityTypeBuilder<StartLink> builder)
    {
        builder.HasOne<Clinic>().WithMany().HasForeignKey(l => l.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Label).HasMaxLength(StartLink.LabelMaxLength);
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.ClinicId);
        builder.Property(l => l.CreatedByUserId).HasMaxLength(450);
        builder.Ignore(l => l.IsRetired);
    }
}
