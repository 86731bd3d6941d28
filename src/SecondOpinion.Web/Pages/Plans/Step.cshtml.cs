using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>One step: what it means, its tool (added by each step's feature), notes and status.</summary>
public class StepModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> StatusChoices { get; } =
        Enum.GetValues<StepStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    [FromRoute(Name = "step")]
    public int StepNumber { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public StepGuide Guide => StepGuides.For((Step)StepNumber);
    public StepProgress Progress { get; private set; } = null!;

    /// <summary>Set when someone else saved this step while the person was editing it.</summary>
    public StepProgress? TheirVersion { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new InputModel { Notes = Progress.Notes, Status = Progress.Status, Version = Progress.Version };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var valid = await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        await LoadAsync(cancellationToken);
        if (!valid)
        {
            return Page();
        }

        db.ExpectVersion(Progress, Input.Version);
        Progress.Notes = Plan.Clean(Input.Notes);
        var now = clock.GetUtcNow().UtcDateTime;
        Progress.SetStatus(Input.Status!.Value, now);
        Progress.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            TheirVersion = Progress;
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Progress.Version;
            ModelState.AddModelError("", "Someone else changed this step while you were working on it. Their version is shown below, and what you wrote is still in the form. Check both, then save again.");
            return Page();
        }

        TempData["Message"] = $"Saved. Step {StepNumber} is {Progress.Status.Label().ToLowerInvariant()}.";
        return Redirect($"/plans/{PlanId}/steps/{StepNumber}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Progress = await db.StepProgress.OfPlan(PlanId).SingleAsync(s => s.Step == (Step)StepNumber, cancellationToken);
    }

    public sealed class InputModel
    {
        public string? Notes { get; set; }
        public StepStatus? Status { get; set; }
        public int Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Notes).MaximumLength(StepProgress.NotesMaxLength)
                .WithMessage($"Notes can be at most {StepProgress.NotesMaxLength} characters. Take out some text and save again.");
            RuleFor(i => i.Status).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose where you are with this step.")
                .IsInEnum().WithMessage("Choose where you are with this step.");
        }
    }
}
