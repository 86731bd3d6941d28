using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class PacketLinkOpenConfiguration : IEntityTypeConfiguration<PacketLinkOpen>
{
    public void Configure(EntityTypeBuilder<PacketLinkOpen> builder) => builder.HasIndex(o => new { o.PacketLinkId, o.OpenedAtUtc });
}
