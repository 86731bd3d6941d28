using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasOne<Plan>().WithMany().HasForeignKey(q => q.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.PlanId, q.Position });
        builder.Property(q => q.Text).HasMaxLength(Question.TextMaxLength);
        builder.Property(q => q.SuggestionId).HasMaxLength(100);
        builder.Property(q => q.Answer).HasMaxLength(Question.AnswerMaxLength);
        builder.Property(q => q.Version).IsConcurrencyToken();
    }
}
