using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Doctors;

/// <summary>Adds a doctor to the plan's list, or changes one (steps 1 and 2).</summary>
public class EditModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> SourceChoices { get; } =
        Enum.GetValues<DoctorSource>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> StatusChoices { get; } =
        Enum.GetValues<DoctorStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    [FromRoute(Name = "doctorId")]
    public int? DoctorId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();


    public bool IsNew => DoctorId is null;

    /// <param name="source">Where the name came from, filled in ahead when the person comes from step 1.</param>
    public async Task<IActionResult> OnGetAsync(DoctorSource? source, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (IsNew)
        {
            Input = new InputModel
            {
                Source = source is { } known && Enum.IsDefined(known) ? known : null,
                Status = DoctorStatus.Considering,
            };
            return Page();
        }

        var doctor = await FindAsync(cancellationToken);
        if (doctor is null)
        {
            return NotFound();
        }

        Input = InputModel.From(doctor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var valid = await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        var doctor = IsNew ? null : await FindAsync(cancellationToken);
        if (!IsNew && doctor is null)
        {
            return NotFound();
        }

        if (!valid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (doctor is null)
        {
            doctor = new Doctor { PlanId = PlanId, Name = "", CreatedAtUtc = now };
            db.Doctors.Add(doctor);
            await db.MarkStepStartedAsync(PlanId, DoctorList.StepStartedBy(Input.Source!.Value), now, cancellationToken);
        }
        else
        {
            db.ExpectVersion(doctor, Input.Version);
        }

        Input.ApplyTo(doctor);
        doctor.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            var theirs = await FindAsync(cancellationToken);
            if (theirs is null)
            {
                return NotFound();
            }

            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = theirs.Version;
            ModelState.AddModelError("", "Someone else changed this doctor while you were working on it. What you wrote is still in the form. Check it, then save again.");
            return Page();
        }

        TempData["Message"] = $"Saved {doctor.Name}.";
        return Redirect($"/plans/{PlanId}/doctors");
    }

    private Task<Doctor?> FindAsync(CancellationToken cancellationToken) =>
        db.Doctors.OfPlan(PlanId).SingleOrDefaultAsync(d => d.Id == DoctorId, cancellationToken);

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Specialty { get; set; }
        public string? Practice { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Fax { get; set; }
        public DoctorSource? Source { get; set; }
        public string? RecommendedBy { get; set; }
        public DoctorStatus? Status { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }

        public static InputModel From(Doctor doctor) => new()
        {
            Name = doctor.Name,
            Specialty = doctor.Specialty,
            Practice = doctor.Practice,
            Address = doctor.Address,
            Phone = doctor.Phone,
            Fax = doctor.Fax,
            Source = doctor.Source,
            RecommendedBy = doctor.RecommendedBy,
            Status = doctor.Status,
            Notes = doctor.Notes,
            Version = doctor.Version,
        };

        public void ApplyTo(Doctor doctor)
        {
            doctor.Name = Name!.Trim();
            doctor.Specialty = Plan.Clean(Specialty);
            doctor.Practice = Plan.Clean(Practice);
            doctor.Address = Plan.Clean(Address);
            doctor.Phone = Plan.Clean(Phone);
            doctor.Fax = Plan.Clean(Fax);
            doctor.Source = Source!.Value;
            doctor.RecommendedBy = Plan.Clean(RecommendedBy);
            doctor.Notes = Plan.Clean(Notes);
            DoctorList.SetStatus(doctor, Status!.Value);
        }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Write the doctor's name.")
                .AtMost(Doctor.NameMaxLength);
            RuleFor(i => i.Specialty).AtMost(Doctor.SpecialtyMaxLength);
            RuleFor(i => i.Practice).AtMost(Doctor.PracticeMaxLength);
            RuleFor(i => i.Address).AtMost(Doctor.AddressMaxLength);
            RuleFor(i => i.Phone).PhoneNumber(Doctor.PhoneMaxLength);
            RuleFor(i => i.Fax).PhoneNumber(Doctor.PhoneMaxLength);
            RuleFor(i => i.Source).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose where the doctor's name came from.")
                .IsInEnum().WithMessage("Choose where the doctor's name came from.");
            RuleFor(i => i.RecommendedBy).AtMost(Doctor.NameMaxLength);
            RuleFor(i => i.Status).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose where you are with this doctor.")
                .IsInEnum().WithMessage("Choose where you are with this doctor.");
            RuleFor(i => i.Notes).AtMost(Doctor.NotesMaxLength);
        }
    }
}
