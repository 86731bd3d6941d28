using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Questions;

/// <summary>Suggested questions by topic; the person ticks the ones they want and adds them all at once.</summary>
public class SuggestionsModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    /// <summary>The ids of the suggestions the person ticked.</summary>
    [BindProperty]
    public List<string> Picked { get; set; } = [];


    /// <summary>Suggestions already on the list (not deleted), shown as such instead of as a choice.</summary>
    public IReadOnlySet<string> OnList { get; private set; } = new HashSet<string>();

    public int RoomLeft { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Picked.Any(id => SuggestedQuestions.Find(id) is null))
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        var toAdd = SuggestedQuestions.All.Where(s => Picked.Contains(s.Id) && !OnList.Contains(s.Id)).ToList();
        if (Picked.Count == 0)
        {
            ModelState.AddModelError(nameof(Picked), "Tick at least one question to add to your list.");
        }
        else if (toAdd.Count > RoomLeft)
        {
            ModelState.AddModelError(nameof(Picked), RoomLeft == 0
                ? QuestionRules.ListIsFull
                : $"Your list has room for {RoomLeft} more {(RoomLeft == 1 ? "question" : "questions")}, and you ticked {toAdd.Count}. Tick fewer, or delete questions you no longer need.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var position = await db.NextPositionAsync(PlanId, cancellationToken);
        foreach (var suggestion in toAdd)
        {
            db.Questions.Add(new Question
            {
                PlanId = PlanId,
                Text = suggestion.Text,
                SuggestionId = suggestion.Id,
                Position = position++,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            });
        }

        if (toAdd.Count > 0)
        {
            await db.MarkStepStartedAsync(PlanId, Step.LearnAndListQuestions, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Message"] = toAdd.Count switch
        {
            0 => "Those questions are already on your list.",
            1 => "1 question is added at the end of your list.",
            _ => $"{toAdd.Count} questions are added at the end of your list.",
        };
        return Redirect($"/plans/{PlanId}/questions");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var onList = await db.QuestionsOnList(PlanId).Select(q => q.SuggestionId).ToListAsync(cancellationToken);
        OnList = onList.OfType<string>().ToHashSet();
        RoomLeft = QuestionList.RoomLeft(onList.Count);
    }
}
