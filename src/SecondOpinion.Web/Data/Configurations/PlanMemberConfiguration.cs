using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class PlanMemberConfiguration : IEntityTypeConfiguration<PlanMember>
{
    public void Configure(EntityTypeBuilder<PlanMember> builder)
    {
        builder.HasIndex(m => new { m.PlanId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
