using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class RecordsStatusChangeConfiguration : IEntityTypeConfiguration<RecordsStatusChange>
{
    public void Configure(EntityTypeBuilder<RecordsStatusChange> builder) => builder.ToTable("RecordsStatusChanges");
}
