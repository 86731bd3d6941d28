using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>The plan's own details: who the patient is, what it is about, and the time zone.</summary>
public class DetailsModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> TimeZoneChoices { get; } =
        PlanTimeZones.All.Select(zone => new SelectListItem(zone.Name, zone.Id)).ToList();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plan = await LoadAsync(cancellationToken);
        Input = new InputModel
        {
            For = Plan.For,
            PatientName = Plan.PatientName,
            PatientDateOfBirth = Plan.PatientDateOfBirth,
            About = Plan.About,
            TimeZoneId = Plan.TimeZoneId,
            Version = Plan.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validator = new InputValidator(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var valid = await validator.ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        Plan = await LoadAsync(cancellationToken);
        if (!valid)
        {
            return Page();
        }

        db.ExpectVersion(Plan, Input.Version);
        Plan.For = Input.For!.Value;
        Plan.PatientName = Plan.Clean(Input.PatientName);
        Plan.PatientDateOfBirth = Input.PatientDateOfBirth;
        Plan.About = Plan.Clean(Input.About);
        Plan.TimeZoneId = Input.TimeZoneId!;
        Plan.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            Plan = await LoadAsync(cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Plan.Version;
            ModelState.AddModelError("", "Someone else changed these details while you were working on them. What you wrote is still in the form. Check it, then save again.");
            return Page();
        }

        TempData["Message"] = "The plan's details are saved.";
        return Redirect($"/plans/{PlanId}");
    }

    private Task<Plan> LoadAsync(CancellationToken cancellationToken) =>
        db.Plans.SingleAsync(p => p.Id == PlanId, cancellationToken);

    public sealed class InputModel
    {
        public PlanFor? For { get; set; }
        public string? PatientName { get; set; }
        public DateOnly? PatientDateOfBirth { get; set; }
        public string? About { get; set; }
        public string? TimeZoneId { get; set; }
        public int Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(DateOnly today)
        {
            RuleFor(i => i.For).ValidPlanFor();
            RuleFor(i => i.PatientName).ValidPatientName(i => i.For);
            RuleFor(i => i.About).ValidAbout();
            RuleFor(i => i.PatientDateOfBirth)
                .InclusiveBetween(new DateOnly(1900, 1, 1), today)
                .WithMessage("Enter a date of birth between 1900 and today.");
            RuleFor(i => i.TimeZoneId)
                .Must(PlanTimeZones.IsKnown).WithMessage("Choose a time zone from the list.");
        }
    }
}
