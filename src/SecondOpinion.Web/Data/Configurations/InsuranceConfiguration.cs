using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class InsuranceCoverageConfiguration : IEntityTypeConfiguration<InsuranceCoverage>
{
    public void Configure(EntityTypeBuilder<InsuranceCoverage> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PlanId).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

public class InsuranceCallConfiguration : IEntityTypeConfiguration<InsuranceCall>
{
    public void Configure(EntityTypeBuilder<InsuranceCall> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PlanId);
        builder.Property(c => c.Company).HasMaxLength(InsuranceCall.CompanyMaxLength);
        builder.Property(c => c.SpokeTo).HasMaxLength(InsuranceCall.SpokeToMaxLength);
        builder.Property(c => c.ReferenceNumber).HasMaxLength(InsuranceCall.ReferenceMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.OwnsMany(c => c.Answers, answers =>
        {
            answers.ToTable("InsuranceAnswers");
            answers.WithOwner().HasForeignKey("InsuranceCallId");
            answers.HasKey("InsuranceCallId", nameof(InsuranceAnswer.Question));
            answers.Property(a => a.Note).HasMaxLength(InsuranceAnswer.NoteMaxLength);
        });
        builder.Navigation(c => c.Answers).AutoInclude();
    }
}
