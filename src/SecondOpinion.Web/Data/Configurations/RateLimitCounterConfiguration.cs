using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        // The key makes a second instance's insert of the same window fail, so it counts on the first one's row.
        builder.HasKey(c => new { c.Key, c.WindowStartUtc });
        builder.Property(c => c.Key).HasMaxLength(RateLimitCounter.KeyLength);
        builder.HasIndex(c => c.WindowEndUtc);
    }
}
