using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class RecordsRequestConfiguration : IEntityTypeConfiguration<RecordsRequest>
{
    public void Configure(EntityTypeBuilder<RecordsRequest> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.PlanId);

        // The doctor's details are copied onto the request, so the request keeps them if the doctor leaves the list.
        builder.HasOne<Doctor>().WithMany().HasForeignKey(r => r.RecipientDoctorId).OnDelete(DeleteBehavior.SetNull);

        builder.Property(r => r.PatientName).HasMaxLength(Plan.PatientNameMaxLength);
        builder.Property(r => r.HolderName).HasMaxLength(RecordsRequest.PracticeMaxLength);
        builder.Property(r => r.HolderAddress).HasMaxLength(RecordsRequest.AddressMaxLength);
        builder.Property(r => r.HolderPhone).HasMaxLength(RecordsRequest.PhoneMaxLength);
        builder.Property(r => r.HolderFax).HasMaxLength(RecordsRequest.PhoneMaxLength);
        builder.Property(r => r.RecipientName).HasMaxLength(RecordsRequest.NameMaxLength);
        builder.Property(r => r.RecipientPractice).HasMaxLength(RecordsRequest.PracticeMaxLength);
        builder.Property(r => r.RecipientAddress).HasMaxLength(RecordsRequest.AddressMaxLength);
        builder.Property(r => r.RecipientPhone).HasMaxLength(RecordsRequest.PhoneMaxLength);
        builder.Property(r => r.RecipientFax).HasMaxLength(RecordsRequest.PhoneMaxLength);
        builder.Property(r => r.RecipientEmail).HasMaxLength(RecordsRequest.EmailMaxLength);
        builder.Property(r => r.OtherRecords).HasMaxLength(RecordsRequest.OtherRecordsMaxLength);
        builder.Property(r => r.Purpose).HasMaxLength(RecordsRequest.PurposeMaxLength);
        builder.Property(r => r.ExpiryEvent).HasMaxLength(RecordsRequest.ExpiryEventMaxLength);
        builder.Property(r => r.RepresentativeName).HasMaxLength(RecordsRequest.NameMaxLength);
        builder.Property(r => r.RepresentativeAuthority).HasMaxLength(RecordsRequest.AuthorityMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.CanChangeDetails);

        builder.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RecordsRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Calls).WithOne().HasForeignKey(c => c.RecordsRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
