using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class PacketLinkConfiguration : IEntityTypeConfiguration<PacketLink>
{
    public void Configure(EntityTypeBuilder<PacketLink> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.PlanId);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(l => l.SharedWithClinicId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(l => new { l.SharedWithClinicId, l.ExpiresAtUtc });
        builder.Property(l => l.CreatedByUserId).HasMaxLength(450);
        builder.HasMany(l => l.Opens).WithOne().HasForeignKey(o => o.PacketLinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
