using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Insurance;

/// <summary>Step 3's tool: the kind of coverage, its facts, what is known so far, and the call log.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> CoverageChoices { get; } =
        new[] { CoverageKind.OriginalMedicare, CoverageKind.MedicareAdvantage, CoverageKind.Medicaid, CoverageKind.EmployerOrPrivate, CoverageKind.None, CoverageKind.NotSure }
            .Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public InsuranceCoverage? Coverage { get; private set; }
    public IReadOnlyList<InsuranceCall> Calls { get; private set; } = [];
    public IReadOnlyList<InsuranceFinding> Findings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new InputModel { Kind = Coverage?.Kind, Version = Coverage?.Version ?? 0 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var valid = await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        await LoadAsync(cancellationToken);
        if (!valid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Coverage is null)
        {
            Coverage = new InsuranceCoverage { PlanId = PlanId };
            db.InsuranceCoverages.Add(Coverage);
            await db.MarkStepStartedAsync(PlanId, Step.CheckInsurance, now, cancellationToken);
        }
        else
        {
            db.ExpectVersion(Coverage, Input.Version);
        }

        Coverage.Kind = Input.Kind!.Value;
        Coverage.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Coverage?.Version ?? 0;
            ModelState.AddModelError("", "Someone else changed this answer while you were working on it. Check your choice, then save again.");
            return Page();
        }

        TempData["Message"] = "Saved your kind of coverage. The facts below fit it.";
        return Redirect($"/plans/{PlanId}/insurance");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Coverage = await db.InsuranceCoverages.OfPlan(PlanId).SingleOrDefaultAsync(cancellationToken);
        Calls = await db.InsuranceCalls.AsNoTracking().OfPlan(PlanId).NewestFirst().ToListAsync(cancellationToken);
        Findings = InsuranceQuestions.Latest(Calls);
    }

    public sealed class InputModel
    {
        public CoverageKind? Kind { get; set; }
        public int Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose the kind of coverage you have. If you do not know, choose \"I'm not sure\".")
                .IsInEnum().WithMessage("Choose the kind of coverage you have. If you do not know, choose \"I'm not sure\".");
        }
    }
}

public static class InsuranceCallQueries
{
    public static IQueryable<InsuranceCall> NewestFirst(this IQueryable<InsuranceCall> calls) =>
        calls.OrderByDescending(c => c.CalledOn).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id);
}
