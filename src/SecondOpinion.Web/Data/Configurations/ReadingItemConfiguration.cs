using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class ReadingItemConfiguration : IEntityTypeConfiguration<ReadingItem>
{
    public void Configure(EntityTypeBuilder<ReadingItem> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.PlanId);
        builder.Property(r => r.Title).HasMaxLength(ReadingItem.TitleMaxLength);
        builder.Property(r => r.Url).HasMaxLength(ReadingItem.UrlMaxLength);
        builder.Property(r => r.Note).HasMaxLength(ReadingItem.NoteMaxLength);
    }
}
