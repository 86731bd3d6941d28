using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Doctors;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Records;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Visits;

/// <summary>Step 6's tool: the visit (who, when, where, how), what to bring, and its calendar file.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> KindChoices { get; } =
        Enum.GetValues<VisitKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public BringModel Bring { get; set; } = new();

    public Plan Plan { get; private set; } = null!;
    public Visit? Visit { get; private set; }
    public IReadOnlyList<Doctor> Doctors { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DoctorChoices { get; private set; } = [];
    public Doctor? VisitDoctor => Doctors.SingleOrDefault(d => d.Id == Visit?.DoctorId);
    public string TimeZoneName => PlanTime.ZoneName(Plan.TimeZoneId);

    /// <summary>Records for the visit's doctor have not arrived and the visit is within a week.</summary>
    public bool ShowRecordsWarning { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        FillForms();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var today = clock.Today(Plan.TimeZoneId);
        var valid = await new InputValidator(today, Plan.TimeZoneId).ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (Input.DoctorId is { } doctorId && Doctors.All(d => d.Id != doctorId))
        {
            return NotFound();
        }

        if (!valid)
        {
            FillBring();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var visit = await StartOrExpectAsync(Input.Version, now, cancellationToken);
        visit.DoctorId = Input.DoctorId;
        visit.StartsAtUtc = PlanTime.ToUtc(Input.Date!.Value, Input.Time!.Value, Plan.TimeZoneId);
        visit.Kind = Input.Kind!.Value;
        visit.Place = Plan.Clean(Input.Place);
        visit.UpdatedAtUtc = now;
        if (!await TrySaveAsync(cancellationToken))
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Visit?.Version ?? 0;
            FillBring();
            return Page();
        }

        TempData["Message"] = $"Saved your visit: {PlanTime.Describe(visit.StartsAtUtc!.Value, Plan.TimeZoneId)}.";
        return Redirect($"/plans/{PlanId}/visit");
    }

    public async Task<IActionResult> OnPostBringAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!await new BringValidator().ValidateIntoAsync(Bring, ModelState, nameof(Bring), cancellationToken))
        {
            FillBooking();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var visit = await StartOrExpectAsync(Bring.Version, now, cancellationToken);
        visit.Ready = Bring.Items.Aggregate(BringItem.None, (all, item) => all | item);
        visit.UpdatedAtUtc = now;
        if (!await TrySaveAsync(cancellationToken))
        {
            ModelState.Remove($"{nameof(Bring)}.{nameof(Bring.Version)}");
            Bring.Version = Visit?.Version ?? 0;
            FillBooking();
            return Page();
        }

        var ready = VisitRules.Checklist.Count(item => visit.Ready.HasFlag(item));
        TempData["Message"] = $"Saved. {ready} of {VisitRules.Checklist.Count} things are ready to bring.";
        return Redirect($"/plans/{PlanId}/visit#bring-heading");
    }

    /// <summary>The calendar file of the booked visit: GET /plans/{planId}/visit?handler=calendar.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Visit is not { IsBooked: true } || VisitDoctor is not { } doctor)
        {
            return NotFound();
        }

        var text = VisitCalendar.Build(PlanId, Visit, doctor.Name, clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(text), VisitCalendar.ContentType, VisitCalendar.FileName);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == PlanId, cancellationToken);
        Visit = await db.Visits.OfPlan(PlanId).SingleOrDefaultAsync(cancellationToken);
        Doctors = await db.Doctors.AsNoTracking().OfPlan(PlanId).InListOrder().ToListAsync(cancellationToken);
        DoctorChoices = Doctors.Select(d => new SelectListItem(d.IsSecondOpinionDoctor ? $"{d.Name} (your second-opinion doctor)" : d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("Choose a doctor", ""))
            .ToList();
        ShowRecordsWarning = Visit is { IsBooked: true } booked
            && VisitRules.ShouldWarnRecordsMissing(booked.StartsAtUtc!.Value, clock.GetUtcNow().UtcDateTime,
                await db.RecordsNotYetReceivedAsync(PlanId, booked.DoctorId!.Value, cancellationToken));
    }

    /// <summary>The plan's visit, made on first use (which starts step 6), or checked against the version the form was based on.</summary>
    private async Task<Visit> StartOrExpectAsync(int version, DateTime now, CancellationToken cancellationToken)
    {
        if (Visit is { } existing)
        {
            db.ExpectVersion(existing, version);
            return existing;
        }

        var visit = new Visit { PlanId = PlanId, CreatedAtUtc = now };
        db.Visits.Add(visit);
        await db.MarkStepStartedAsync(PlanId, Step.BeSeenInPerson, now, cancellationToken);
        return visit;
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        if (await db.SaveUnlessChangedAsync(cancellationToken))
        {
            return true;
        }

        await LoadAsync(cancellationToken);
        ModelState.AddModelError("", "Someone else changed the visit while you were working on it. What you chose is still in the form. Check it, then save again.");
        return false;
    }

    private void FillForms()
    {
        FillBooking();
        FillBring();
    }

    private void FillBooking()
    {
        var picked = Doctors.FirstOrDefault(d => d.IsSecondOpinionDoctor);
        var local = Visit?.StartsAtUtc is { } startsAt ? PlanTime.ToLocal(startsAt, Plan.TimeZoneId) : (DateTime?)null;
        Input = new InputModel
        {
            DoctorId = Visit is null ? picked?.Id : Visit.DoctorId,
            Date = local is { } day ? DateOnly.FromDateTime(day) : null,
            Time = local is { } time ? TimeOnly.FromDateTime(time) : null,
            Kind = Visit?.Kind ?? VisitKind.InPerson,
            Place = Visit is null ? picked?.Address : Visit.Place,
            Version = Visit?.Version ?? 0,
        };
    }

    private void FillBring() => Bring = new BringModel
    {
        Items = VisitRules.Checklist.Where(item => Visit?.Ready.HasFlag(item) == true).ToList(),
        Version = Visit?.Version ?? 0,
    };

    public sealed class InputModel
    {
        public int? DoctorId { get; set; }
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public VisitKind? Kind { get; set; }
        public string? Place { get; set; }
        public int Version { get; set; }
    }

    public sealed class BringModel
    {
        public List<BringItem> Items { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(DateOnly today, string timeZoneId)
        {
            RuleFor(i => i.DoctorId).NotNull().WithMessage("Choose the doctor you will see.");
            RuleFor(i => i.Date).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Enter the date of the visit.")
                .InclusiveBetween(today.AddYears(-1), today.AddYears(1)).WithMessage("Enter a date within one year of today.");
            RuleFor(i => i.Time).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Enter the time of the visit, like 9:30 AM.")
                .Must((input, time) => input.Date is not { } date || PlanTime.ToUtc(date, time!.Value, timeZoneId) is not null)
                    .WithMessage("The clocks move forward an hour that night, so this time does not exist. Choose another time.");
            RuleFor(i => i.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose how the visit will happen.")
                .IsInEnum().WithMessage("Choose how the visit will happen.");
            RuleFor(i => i.Place).Cascade(CascadeMode.Stop)
                .Must((input, place) => input.Kind != VisitKind.InPerson || !string.IsNullOrWhiteSpace(place))
                    .WithMessage("Write where the visit is, such as the office address.")
                .AtMost(Visit.PlaceMaxLength);
        }
    }

    public sealed class BringValidator : AbstractValidator<BringModel>
    {
        public BringValidator()
        {
            RuleFor(b => b.Items).Must(items => items.All(VisitRules.Checklist.Contains))
                .WithMessage("Choose things from the list.");
        }
    }
}
