using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Questions;

/// <summary>
/// Step 5's question list: add your own, put them in order, mark them asked, delete and bring
/// back. Each button is its own small POST form, so all of it works without JavaScript.
/// </summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    private const string DeletedKey = "DeletedQuestionId";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    /// <summary>The question the person just deleted, offered back with a "Bring it back" button.</summary>
    public Question? JustDeleted { get; private set; }

    /// <summary>A question someone else changed, so the person's action on it was not done.</summary>
    public int? ChangedQuestionId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (TempData[DeletedKey] is int deletedId)
        {
            JustDeleted = await db.Questions.AsNoTracking().OfPlan(PlanId)
                .SingleOrDefaultAsync(q => q.Id == deletedId && q.DeletedAtUtc != null, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var valid = await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (valid && QuestionList.RoomLeft(await db.QuestionsOnList(PlanId).CountAsync(cancellationToken)) == 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Text)}", QuestionRules.ListIsFull);
            valid = false;
        }

        if (!valid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var question = new Question
        {
            PlanId = PlanId,
            Text = Input.Text!.Trim(),
            Position = await db.NextPositionAsync(PlanId, cancellationToken),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Questions.Add(question);
        await db.MarkStepStartedAsync(PlanId, Step.LearnAndListQuestions, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        TempData["Message"] = "Your question is added at the end of the list.";
        return RedirectToQuestion(question.Id);
    }

    /// <summary>Swaps a question with the neighbour the person saw above or below it.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int swapWith, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } question || await FindAsync(swapWith, cancellationToken) is not { } other)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        if (question.IsDeleted || other.IsDeleted || !QuestionList.AreNeighbours(Questions, id, swapWith))
        {
            return OrderChanged(id);
        }

        // Only the two positions change, by one conditional update each: a move never touches a
        // question's words or version, so it cannot overwrite, or clash with, an edit in progress.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await SetPositionAsync(question, other.Position, cancellationToken)
            + await SetPositionAsync(other, question.Position, cancellationToken);
        if (moved != 2)
        {
            await transaction.RollbackAsync(cancellationToken);
            await LoadAsync(cancellationToken);
            return OrderChanged(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return RedirectToQuestion(id);
    }

    public async Task<IActionResult> OnPostAskedAsync(int id, bool asked, int version, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } question)
        {
            return NotFound();
        }

        if (question.IsDeleted)
        {
            return await ChangedBySomeoneElseAsync(id, cancellationToken);
        }

        // Already as the person wants it (a second click, or someone else did the same): nothing to save.
        if (question.IsAsked != asked)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.ExpectVersion(question, version);
            question.SetAsked(asked, now);
            question.UpdatedAtUtc = now;
            if (!await db.SaveUnlessChangedAsync(cancellationToken))
            {
                return await ChangedBySomeoneElseAsync(id, cancellationToken);
            }
        }

        TempData["Message"] = asked ? "Marked as asked." : "Marked as not asked yet.";
        return RedirectToQuestion(id);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } question)
        {
            return NotFound();
        }

        if (!question.IsDeleted)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.ExpectVersion(question, version);
            question.DeletedAtUtc = now;
            question.UpdatedAtUtc = now;
            if (!await db.SaveUnlessChangedAsync(cancellationToken))
            {
                return await ChangedBySomeoneElseAsync(id, cancellationToken);
            }
        }

        TempData[DeletedKey] = id;
        return Redirect($"/plans/{PlanId}/questions");
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } question)
        {
            return NotFound();
        }

        if (question.IsDeleted)
        {
            if (QuestionList.RoomLeft(await db.QuestionsOnList(PlanId).CountAsync(cancellationToken)) == 0)
            {
                await LoadAsync(cancellationToken);
                ModelState.AddModelError("", QuestionRules.ListIsFull);
                return Page();
            }

            question.DeletedAtUtc = null;
            question.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            if (!await db.SaveUnlessChangedAsync(cancellationToken))
            {
                return await ChangedBySomeoneElseAsync(id, cancellationToken);
            }
        }

        TempData["Message"] = "The question is back on your list.";
        return RedirectToQuestion(id);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Questions = await db.QuestionsOnList(PlanId).AsNoTracking().InOrder().ToListAsync(cancellationToken);
    }

    /// <summary>Any of the plan's questions, deleted ones too; null for an id that is not this plan's.</summary>
    private Task<Question?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Questions.OfPlan(PlanId).SingleOrDefaultAsync(q => q.Id == id, cancellationToken);

    private Task<int> SetPositionAsync(Question question, int position, CancellationToken cancellationToken) =>
        db.Questions.OfPlan(PlanId)
            .Where(q => q.Id == question.Id && q.Position == question.Position && q.DeletedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.Position, position), cancellationToken);


    private async Task<PageResult> ChangedBySomeoneElseAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ChangedQuestionId = id;
        ModelState.AddModelError("", $"{QuestionRules.ChangedBySomeoneElse} Nothing was changed. The list below shows the question as it is now. Check it, then try again.");
        return Page();
    }

    private PageResult OrderChanged(int id)
    {
        ChangedQuestionId = id;
        ModelState.AddModelError("", "Someone else changed the list while you were looking at it, so the question was not moved. The list below is up to date. Try again.");
        return Page();
    }

    private RedirectResult RedirectToQuestion(int id) => Redirect($"/plans/{PlanId}/questions#question-{id}");

    public sealed class InputModel
    {
        public string? Text { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Text).ValidQuestionText();
        }
    }
}
