using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Questions;

public sealed record QuestionsSummary(Guid PlanId, int QuestionCount, int AskedCount, IReadOnlyList<string> TopQuestions, int ReadingCount);

/// <summary>Step 5's tools as they appear on the step page: the question list in brief, places to read, and the reading list.</summary>
public class QuestionsSummaryViewComponent(AppDbContext db) : ViewComponent
{
    /// <summary>How many questions from the top of the list the step page shows.</summary>
    private const int TopCount = 3;

    public async Task<IViewComponentResult> InvokeAsync(Guid planId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var questions = db.QuestionsOnList(planId);
        var summary = new QuestionsSummary(
            planId,
            await questions.CountAsync(cancellationToken),
            await questions.CountAsync(q => q.IsAsked, cancellationToken),
            await questions.InOrder().Take(TopCount).Select(q => q.Text).ToListAsync(cancellationToken),
            await db.ReadingItems.OfPlan(planId).CountAsync(r => r.DeletedAtUtc == null, cancellationToken));
        return View("~/Pages/Questions/_QuestionsSummary.cshtml", summary);
    }
}
