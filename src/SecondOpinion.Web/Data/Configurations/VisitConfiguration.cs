using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.PlanId).IsUnique();
        // Removing a doctor from the list leaves the visit without a doctor rather than deleting it.
        builder.HasOne<Doctor>().WithMany().HasForeignKey(v => v.DoctorId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(v => v.Place).HasMaxLength(Visit.PlaceMaxLength);
        builder.Property(v => v.Medicines).HasMaxLength(Visit.MedicinesMaxLength);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Ignore(v => v.IsBooked);
    }
}
