using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Questions;

/// <summary>What the question pages share: the question text rule, the messages about limits and conflicts, and the list's queries.</summary>
public static class QuestionRules
{
    public static string ListIsFull { get; } =
        $"Your list already holds {QuestionList.MaxQuestions} questions, the most it can hold. Delete a question you no longer need, then try again.";

    public const string ChangedBySomeoneElse =
        "This question was changed by someone else while you were working on it.";

    public static IRuleBuilderOptions<T, string?> ValidQuestionText<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Write your question.")
            .Must(text => text!.Trim().Length <= Question.TextMaxLength)
                .WithMessage($"A question can be at most {Question.TextMaxLength} characters. Make it shorter, or split it into two questions.");

    /// <summary>The plan's questions that are not deleted.</summary>
    public static IQueryable<Question> QuestionsOnList(this AppDbContext db, Guid planId) =>
        db.Questions.OfPlan(planId).Where(q => q.DeletedAtUtc == null);

    /// <summary>The place after every question the plan has had, so a new one goes to the end and a restored one keeps its place.</summary>
    public static async Task<int> NextPositionAsync(this AppDbContext db, Guid planId, CancellationToken cancellationToken) =>
        (await db.Questions.OfPlan(planId).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0) + 1;

}
