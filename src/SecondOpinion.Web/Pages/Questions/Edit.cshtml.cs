using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Questions;

/// <summary>One question: change its words, say whether it was asked, and write down the answer.</summary>
public class EditModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> AskedChoices { get; } =
    [
        new("Not yet", bool.FalseString),
        new("Yes, I asked it", bool.TrueString),
    ];

    [FromRoute(Name = "questionId")]
    public int QuestionId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();


    /// <summary>Set when someone else saved or deleted this question while the person was editing it.</summary>
    public Question? TheirVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { IsDeleted: false } question)
        {
            return NotFound();
        }

        Input = new InputModel { Text = question.Text, Asked = question.IsAsked, Answer = question.Answer, Version = question.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var valid = await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (await LoadAsync(cancellationToken) is not { } question)
        {
            return NotFound();
        }

        if (!valid)
        {
            return Page();
        }

        // A question deleted since the form was loaded is a change like any other: the person sees
        // it first, and saving again (now on the current version) brings it back with their words.
        if (question.IsDeleted && question.Version == Input.Version
            && QuestionList.RoomLeft(await db.QuestionsOnList(PlanId).CountAsync(cancellationToken)) == 0)
        {
            ModelState.AddModelError("", QuestionRules.ListIsFull);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ExpectVersion(question, Input.Version);
        question.Text = Input.Text!.Trim();
        question.SetAsked(Input.Asked!.Value, now);
        question.Answer = Plan.Clean(Input.Answer);
        question.DeletedAtUtc = null;
        question.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            TheirVersion = await LoadAsync(cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = TheirVersion!.Version;
            ModelState.AddModelError("", TheirVersion.IsDeleted
                ? "This question was deleted by someone else while you were working on it. What you wrote is still in the form. To keep it, save again and the question comes back with your changes."
                : $"{QuestionRules.ChangedBySomeoneElse} Their version and yours are both shown below. Check them, then save again.");
            return Page();
        }

        TempData["Message"] = "Your changes to the question are saved.";
        return Redirect($"/plans/{PlanId}/questions#question-{question.Id}");
    }

    private async Task<Question?> LoadAsync(CancellationToken cancellationToken)
    {
        return await db.Questions.OfPlan(PlanId).SingleOrDefaultAsync(q => q.Id == QuestionId, cancellationToken);
    }

    public sealed class InputModel
    {
        public string? Text { get; set; }
        public bool? Asked { get; set; }
        public string? Answer { get; set; }
        public int Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Text).ValidQuestionText();
            RuleFor(i => i.Asked).NotNull().WithMessage("Choose whether you have asked this question.");
            RuleFor(i => i.Answer).MaximumLength(Question.AnswerMaxLength)
                .WithMessage($"An answer can be at most {Question.AnswerMaxLength} characters. Take out some text and save again.");
        }
    }
}
