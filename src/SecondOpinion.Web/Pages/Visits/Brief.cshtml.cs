using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Questions;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Visits;

/// <summary>
/// One page to print or hand to the new doctor: the patient, the question, the first opinion, the
/// medicines and the questions. The medicines list is written here.
/// </summary>
public class BriefModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;
    public Visit? Visit { get; private set; }
    public string? VisitDoctorName { get; private set; }
    public Opinion? FirstOpinion { get; private set; }
    public IReadOnlyList<string> Questions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new InputModel { Medicines = Visit?.Medicines, Version = Visit?.Version ?? 0 };
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
        if (Visit is null)
        {
            Visit = new Visit { PlanId = PlanId, CreatedAtUtc = now };
            db.Visits.Add(Visit);
            await db.MarkStepStartedAsync(PlanId, Step.BeSeenInPerson, now, cancellationToken);
        }
        else
        {
            db.ExpectVersion(Visit, Input.Version);
        }

        Visit.Medicines = Plan.Clean(Input.Medicines);
        Visit.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Visit?.Version ?? 0;
            ModelState.AddModelError("", "Someone else changed the visit while you were working on it. What you wrote is still in the form. Check it, then save again.");
            return Page();
        }

        TempData["Message"] = "Saved your medicines list.";
        return Redirect($"/plans/{PlanId}/visit/brief");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == PlanId, cancellationToken);
        Visit = await db.Visits.OfPlan(PlanId).SingleOrDefaultAsync(cancellationToken);
        VisitDoctorName = Visit?.DoctorId is { } doctorId
            ? await db.Doctors.OfPlan(PlanId).Where(d => d.Id == doctorId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        FirstOpinion = await db.Opinions.AsNoTracking().OfPlan(PlanId).SingleOrDefaultAsync(o => o.Order == OpinionOrder.First, cancellationToken);
        Questions = await db.QuestionsOnList(PlanId).InOrder().Select(q => q.Text).ToListAsync(cancellationToken);
    }

    public sealed class InputModel
    {
        public string? Medicines { get; set; }
        public int Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Medicines).AtMost(Visit.MedicinesMaxLength);
        }
    }
}
