using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Opinions;

/// <summary>The opinions side by side, whether they agree, and the decision that finishes the plan.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> ComparisonChoices { get; } =
        new[] { OpinionsComparison.Agree, OpinionsComparison.Differ, OpinionsComparison.NotSureYet }
            .Select(c => new SelectListItem(c.Label(), c.ToString())).ToList();

    [BindProperty]
    public CompareModel Compare { get; set; } = new();

    [BindProperty]
    public FinishModel Finish { get; set; } = new();

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<Opinion> Opinions { get; private set; } = [];
    public PlanOutcome? Outcome { get; private set; }
    public Opinion? First => Opinions.SingleOrDefault(o => o.Order == OpinionOrder.First);
    public Opinion? Second => Opinions.SingleOrDefault(o => o.Order == OpinionOrder.Second);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        FillCompare();
        FillFinish();
    }

    public async Task<IActionResult> OnPostCompareAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!await new CompareValidator().ValidateIntoAsync(Compare, ModelState, nameof(Compare), cancellationToken))
        {
            FillFinish();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = StartOrExpect(Compare.Version, now);
        outcome.Comparison = Compare.Comparison!.Value;
        outcome.UpdatedAtUtc = now;
        if (!await TrySaveAsync(cancellationToken))
        {
            ModelState.Remove($"{nameof(Compare)}.{nameof(Compare.Version)}");
            Compare.Version = Outcome?.Version ?? 0;
            FillFinish();
            return Page();
        }

        TempData["Message"] = outcome.Comparison == OpinionsComparison.Differ
            ? "Saved. The two opinions are different. See below for what you can do next."
            : "Saved.";
        return Redirect($"/plans/{PlanId}/opinions#compare-heading");
    }

    public async Task<IActionResult> OnPostFinishAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!await new FinishValidator().ValidateIntoAsync(Finish, ModelState, nameof(Finish), cancellationToken))
        {
            FillCompare();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        StartOrExpect(Finish.Version, now).Finish(Finish.Decision!, now);
        if (!await TrySaveAsync(cancellationToken))
        {
            ModelState.Remove($"{nameof(Finish)}.{nameof(Finish.Version)}");
            Finish.Version = Outcome?.Version ?? 0;
            FillCompare();
            return Page();
        }

        TempData["Message"] = "Your plan is finished. Your decision is saved.";
        return Redirect($"/plans/{PlanId}/opinions#finish-heading");
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Outcome is not { IsFinished: true })
        {
            return Redirect($"/plans/{PlanId}/opinions");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        StartOrExpect(Finish.Version, now).Reopen(now);
        if (!await TrySaveAsync(cancellationToken))
        {
            FillCompare();
            FillFinish();
            return Page();
        }

        TempData["Message"] = "Your plan is open again.";
        return Redirect($"/plans/{PlanId}/opinions#finish-heading");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == PlanId, cancellationToken);
        Opinions = await db.Opinions.AsNoTracking().OfPlan(PlanId).OrderBy(o => o.Order).ToListAsync(cancellationToken);
        Outcome = await db.PlanOutcomes.OfPlan(PlanId).SingleOrDefaultAsync(cancellationToken);
    }

    private PlanOutcome StartOrExpect(int version, DateTime now)
    {
        if (Outcome is { } existing)
        {
            db.ExpectVersion(existing, version);
            return existing;
        }

        var outcome = new PlanOutcome { PlanId = PlanId, UpdatedAtUtc = now };
        db.PlanOutcomes.Add(outcome);
        return outcome;
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        if (await db.SaveUnlessChangedAsync(cancellationToken))
        {
            return true;
        }

        await LoadAsync(cancellationToken);
        ModelState.AddModelError("", "Someone else changed this while you were working on it. What you chose is still in the form. Check it, then save again.");
        return false;
    }

    private void FillCompare() => Compare = new CompareModel
    {
        Comparison = Outcome is { Comparison: not OpinionsComparison.NotMarked } marked ? marked.Comparison : null,
        Version = Outcome?.Version ?? 0,
    };

    private void FillFinish() => Finish = new FinishModel { Decision = Outcome?.Decision, Version = Outcome?.Version ?? 0 };

    public sealed class CompareModel
    {
        public OpinionsComparison? Comparison { get; set; }
        public int Version { get; set; }
    }

    public sealed class FinishModel
    {
        public string? Decision { get; set; }
        public int Version { get; set; }
    }

    public sealed class CompareValidator : AbstractValidator<CompareModel>
    {
        public CompareValidator()
        {
            RuleFor(c => c.Comparison)
                .Must(c => c is OpinionsComparison.Agree or OpinionsComparison.Differ or OpinionsComparison.NotSureYet)
                .WithMessage("Choose whether the two opinions agree.");
        }
    }

    public sealed class FinishValidator : AbstractValidator<FinishModel>
    {
        public FinishValidator()
        {
            RuleFor(f => f.Decision).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Write down the choice you made. A sentence is enough.")
                .AtMost(PlanOutcome.DecisionMaxLength);
        }
    }
}
