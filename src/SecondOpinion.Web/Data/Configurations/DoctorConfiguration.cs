using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.PlanId);
        // At most one second-opinion doctor per plan, even when two people pick at the same moment.
        builder.HasIndex(d => d.PlanId, "IX_Doctors_OneSecondOpinionDoctorPerPlan")
            .IsUnique()
            .HasFilter("\"IsSecondOpinionDoctor\"");
        builder.Property(d => d.Name).HasMaxLength(Doctor.NameMaxLength);
        builder.Property(d => d.Specialty).HasMaxLength(Doctor.SpecialtyMaxLength);
        builder.Property(d => d.Practice).HasMaxLength(Doctor.PracticeMaxLength);
        builder.Property(d => d.Address).HasMaxLength(Doctor.AddressMaxLength);
        builder.Property(d => d.Phone).HasMaxLength(Doctor.PhoneMaxLength);
        builder.Property(d => d.Fax).HasMaxLength(Doctor.PhoneMaxLength);
        builder.Property(d => d.RecommendedBy).HasMaxLength(Doctor.NameMaxLength);
        builder.Property(d => d.Notes).HasMaxLength(Doctor.NotesMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
