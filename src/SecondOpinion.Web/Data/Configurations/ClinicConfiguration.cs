using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Clinic.NameMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Clinic.PhoneMaxLength);
        builder.Property(c => c.RecordsAddress).HasMaxLength(Clinic.AddressMaxLength);
        builder.Property(c => c.RecordsFax).HasMaxLength(Clinic.PhoneMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
