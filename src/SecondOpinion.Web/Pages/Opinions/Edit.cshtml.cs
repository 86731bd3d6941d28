using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Doctors;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Opinions;

/// <summary>Writes down one doctor's opinion: the first, the second, or a third.</summary>
public class EditModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> OrderChoices { get; } =
        Enum.GetValues<OpinionOrder>().Select(o => new SelectListItem(o.Label(), o.ToString())).ToList();

    [FromRoute(Name = "opinionId")]
    public int? OpinionId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool IsNew => OpinionId is null;
    public IReadOnlyList<SelectListItem> DoctorChoices { get; private set; } = [];
    private IReadOnlyList<Doctor> doctors = [];

    /// <param name="order">Which opinion to start with, when the person comes from a link for one.</param>
    public async Task<IActionResult> OnGetAsync(OpinionOrder? order, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(cancellationToken);
        if (IsNew)
        {
            var taken = await db.Opinions.OfPlan(PlanId).Select(o => o.Order).ToListAsync(cancellationToken);
            var next = order is { } asked && Enum.IsDefined(asked) ? asked : Enum.GetValues<OpinionOrder>().FirstOrDefault(o => !taken.Contains(o), OpinionOrder.Third);
            // The second opinion usually comes from the doctor of the visit.
            var visitDoctor = await db.Visits.OfPlan(PlanId).Select(v => v.DoctorId).SingleOrDefaultAsync(cancellationToken);
            Input = new InputModel { Order = next, DoctorId = next == OpinionOrder.First ? null : visitDoctor };
            return Page();
        }

        var opinion = await FindAsync(cancellationToken);
        if (opinion is null)
        {
            return NotFound();
        }

        Input = InputModel.From(opinion);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == PlanId, cancellationToken);
        var today = clock.Today(plan.TimeZoneId);
        var valid = await new InputValidator(today).ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        var opinion = IsNew ? null : await FindAsync(cancellationToken);
        if ((!IsNew && opinion is null) || (Input.DoctorId is { } doctorId && doctors.All(d => d.Id != doctorId)))
        {
            return NotFound();
        }

        if (Input.Order is { } order && await db.Opinions.OfPlan(PlanId).AnyAsync(o => o.Order == order && o.Id != OpinionId, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Order)}",
                $"You already wrote down {order.Label().ToLowerInvariant()}. Change that one instead, or choose another.");
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (opinion is null)
        {
            opinion = new Opinion { PlanId = PlanId, DoctorName = "", CreatedAtUtc = now };
            db.Opinions.Add(opinion);
            await db.MarkStepStartedAsync(PlanId, Step.BeSeenInPerson, now, cancellationToken);
        }
        else
        {
            db.ExpectVersion(opinion, Input.Version);
        }

        Input.ApplyTo(opinion, doctors.SingleOrDefault(d => d.Id == Input.DoctorId));
        opinion.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = await db.Opinions.OfPlan(PlanId).Where(o => o.Id == OpinionId).Select(o => o.Version).SingleOrDefaultAsync(cancellationToken);
            ModelState.AddModelError("", "Someone else changed the opinions while you were working on this one. What you wrote is still in the form. Check it, then save again.");
            return Page();
        }

        TempData["Message"] = $"Saved {opinion.Order.Label().ToLowerInvariant()}.";
        return Redirect($"/plans/{PlanId}/opinions");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        doctors = await db.Doctors.AsNoTracking().OfPlan(PlanId).InListOrder().ToListAsync(cancellationToken);
        DoctorChoices = doctors.Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("A doctor who is not on my list", ""))
            .ToList();
    }

    private Task<Opinion?> FindAsync(CancellationToken cancellationToken) =>
        db.Opinions.OfPlan(PlanId).SingleOrDefaultAsync(o => o.Id == OpinionId, cancellationToken);

    public sealed class InputModel
    {
        public OpinionOrder? Order { get; set; }
        public int? DoctorId { get; set; }
        public string? DoctorName { get; set; }
        public DateOnly? GivenOn { get; set; }
        public string? Diagnosis { get; set; }
        public string? Recommendation { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }

        public static InputModel From(Opinion opinion) => new()
        {
            Order = opinion.Order,
            DoctorId = opinion.DoctorId,
            DoctorName = opinion.DoctorId is null ? opinion.DoctorName : null,
            GivenOn = opinion.GivenOn,
            Diagnosis = opinion.Diagnosis,
            Recommendation = opinion.Recommendation,
            Notes = opinion.Notes,
            Version = opinion.Version,
        };

        /// <param name="listDoctor">The doctor chosen from the plan's list, if one was.</param>
        public void ApplyTo(Opinion opinion, Doctor? listDoctor)
        {
            opinion.Order = Order!.Value;
            opinion.DoctorId = listDoctor?.Id;
            opinion.DoctorName = listDoctor?.Name ?? DoctorName!.Trim();
            opinion.GivenOn = GivenOn!.Value;
            opinion.Diagnosis = Plan.Clean(Diagnosis);
            opinion.Recommendation = Plan.Clean(Recommendation);
            opinion.Notes = Plan.Clean(Notes);
        }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(DateOnly today)
        {
            RuleFor(i => i.Order).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose which opinion this is.")
                .IsInEnum().WithMessage("Choose which opinion this is.");
            RuleFor(i => i.DoctorName).Cascade(CascadeMode.Stop)
                .Must((input, name) => input.DoctorId is not null || !string.IsNullOrWhiteSpace(name))
                    .WithMessage("Write the doctor's name, or choose the doctor from your list.")
                .Must((input, name) => input.DoctorId is null || string.IsNullOrWhiteSpace(name))
                    .WithMessage("You chose a doctor from your list. Leave this empty, or choose \"A doctor who is not on my list\".")
                .AtMost(Opinion.DoctorNameMaxLength);
            RuleFor(i => i.GivenOn).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Enter the date the doctor gave this opinion.")
                .InclusiveBetween(today.AddYears(-10), today).WithMessage("Enter a date in the last 10 years, up to today.");
            RuleFor(i => i.Diagnosis).Cascade(CascadeMode.Stop)
                .Must((input, diagnosis) => !string.IsNullOrWhiteSpace(diagnosis) || !string.IsNullOrWhiteSpace(input.Recommendation))
                    .WithMessage("Write what the doctor said the problem is, or what they recommend.")
                .AtMost(Opinion.DiagnosisMaxLength);
            RuleFor(i => i.Recommendation).AtMost(Opinion.RecommendationMaxLength);
            RuleFor(i => i.Notes).AtMost(Opinion.NotesMaxLength);
        }
    }
}
