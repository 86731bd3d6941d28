using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
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

    public VisitSheet Sheet { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sheet = await db.VisitSheetAsync(PlanId, cancellationToken);
        Input = new InputModel { Medicines = Sheet.Visit?.Medicines, Version = Sheet.Visit?.Version ?? 0 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            Sheet = await db.VisitSheetAsync(PlanId, cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var visit = await db.Visits.OfPlan(PlanId).SingleOrDefaultAsync(cancellationToken);
        if (visit is null)
        {
            visit = new Visit { PlanId = PlanId, CreatedAtUtc = now };
            db.Visits.Add(visit);
            await db.MarkStepStartedAsync(PlanId, Step.BeSeenInPerson, now, cancellationToken);
        }
        else
        {
            db.ExpectVersion(visit, Input.Version);
        }

        visit.Medicines = Plan.Clean(Input.Medicines);
        visit.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            Sheet = await db.VisitSheetAsync(PlanId, cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Sheet.Visit?.Version ?? 0;
            ModelState.AddModelError("", "Someone else changed the visit while you were working on it. What you wrote is still in the form. Check it, then save again.");
            return Page();
        }

        TempData["Message"] = "Saved your medicines list.";
        return Redirect($"/plans/{PlanId}/visit/brief");
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
