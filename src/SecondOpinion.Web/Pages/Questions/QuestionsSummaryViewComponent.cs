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
        // The three counts in one statement, instead of one round trip each.
        var counts = await db.Plans.Where(p => p.Id == planId)
            .Select(p => new
            {
                Questions = questions.Count(),
                Asked = questions.Count(q => q.IsAsked),
                Reading = db.ReadingItems.OfPlan(planId).Count(r => r.DeletedAtUtc == null),
            })
            .SingleAsync(cancellationToken);
        var top = await questions.InOrder().Take(TopCount).Select(q => q.Text).ToListAsync(cancellationToken);
        var summary = new QuestionsSummary(planId, counts.Questions, counts.Asked, top, counts.Reading);
        return View("~/Pages/Questions/_QuestionsSummary.cshtml", summary);
    }
}
