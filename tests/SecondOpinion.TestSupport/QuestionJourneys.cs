using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.TestSupport;

/// <summary>Shortcuts for tests of step 5's question list, done through the real pages.</summary>
public static class QuestionJourneys
{
    /// <summary>Adds one of the person's own questions from the list page; returns the page after the redirect.</summary>
    public static async Task<HtmlPage> AddQuestionAsync(this AppClient client, string plan, string text, CancellationToken cancellationToken = default)
    {
        var list = await client.GetAsync($"{plan}/questions", cancellationToken);
        return await client.SubmitAsync(list, new Dictionary<string, string?> { ["Input.Text"] = text }, "form#add-question", cancellationToken);
    }

    /// <summary>The question texts on the list page, top first.</summary>
    public static IReadOnlyList<string> QuestionTexts(this HtmlPage list) =>
        list.Document.QuerySelectorAll(".question-list .question__text").Select(p => p.TextContent).ToList();

    /// <summary>Fills a plan's list straight in the database, for tests of the limit.</summary>
    public static async Task AddQuestionsDirectlyAsync(this TestApp app, string plan, int count, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planId = Guid.Parse(plan["/plans/".Length..]);
        var start = await db.Questions.Where(q => q.PlanId == planId).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0;
        for (var i = 1; i <= count; i++)
        {
            db.Questions.Add(new Question { PlanId = planId, Text = $"Question number {start + i}", Position = start + i, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
