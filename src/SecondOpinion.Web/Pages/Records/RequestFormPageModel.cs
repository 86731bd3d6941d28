using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>
/// What the new-request and change-request pages share: the form's fields, their rules, the
/// choices, and copying the form onto a request. A draft may be saved unfinished; the request page
/// then lists what is still needed before it can be made final.
/// </summary>
public abstract class RequestFormPageModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public const string OtherOffice = "other";
    public const string ThePatient = "patient";
    private const string DoctorPrefix = "doctor-";

    public static IReadOnlyList<SelectListItem> RouteChoices { get; } =
        Enum.GetValues<RecordsRoute>().Select(r => new SelectListItem(r.Label(), r.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> DatesChoices { get; } =
    [
        new("All dates", nameof(RecordDates.All)),
        new("Only records between two dates", nameof(RecordDates.Between)),
    ];

    public static IReadOnlyList<SelectListItem> DeliveryChoices { get; } =
        Enum.GetValues<RecordsDelivery>().Select(d => new SelectListItem(d.Label(), d.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> SignerChoices { get; } =
        Enum.GetValues<RecordsSigner>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;

    /// <summary>Where "Cancel" goes.</summary>
    public abstract string CancelUrl { get; }

    /// <summary>The plan's doctors, then another office, then the patient.</summary>
    public IReadOnlyList<SelectListItem> RecipientChoices { get; private set; } = [];

    protected AppDbContext Db => db;

    protected DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    protected DateOnly Today => clock.Today(Plan.TimeZoneId);

    private IReadOnlyList<Doctor> Doctors { get; set; } = [];

    protected async Task LoadPlanAsync(CancellationToken cancellationToken)
    {
        Plan = await db.Plans.SingleAsync(p => p.Id == PlanId, cancellationToken);
        Doctors = await db.Doctors.AsNoTracking().OfPlan(PlanId)
            .OrderByDescending(d => d.IsSecondOpinionDoctor).ThenBy(d => d.Name)
            .ToListAsync(cancellationToken);
        RecipientChoices =
        [
            .. Doctors.Select(d => new SelectListItem(DoctorChoice(d), $"{DoctorPrefix}{d.Id}")),
            new("Another doctor's office (type their details below)", OtherOffice),
            new("The patient, for their own copy", ThePatient),
        ];
    }

    protected Task<bool> ValidateAsync(CancellationToken cancellationToken) =>
        new RequestInputValidator(Today).ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);

    /// <summary>The form for a new request: the patient from the plan, the chosen second-opinion doctor, the usual purpose.</summary>
    protected RequestInput NewInput() => new()
    {
        PatientName = Plan.PatientName,
        PatientDateOfBirth = Plan.PatientDateOfBirth,
        Recipient = Doctors.FirstOrDefault(d => d.IsSecondOpinionDoctor) is { } doctor ? $"{DoctorPrefix}{doctor.Id}" : null,
        Purpose = RecordsRequest.DefaultPurpose,
        Signer = Plan.For == PlanFor.Myself ? RecordsSigner.Patient : null,
    };

    protected RequestInput InputFrom(RecordsRequest request) => new()
    {
        Route = request.Route,
        PatientName = request.PatientName,
        PatientDateOfBirth = request.PatientDateOfBirth,
        HolderName = request.HolderName,
        HolderAddress = request.HolderAddress,
        HolderPhone = request.HolderPhone,
        HolderFax = request.HolderFax,
        Recipient = request.RecipientKind switch
        {
            RecordsRecipient.Patient => ThePatient,
            RecordsRecipient.Doctor when Doctors.Any(d => d.Id == request.RecipientDoctorId) => $"{DoctorPrefix}{request.RecipientDoctorId}",
            null => null,
            _ => OtherOffice,
        },
        RecipientName = request.RecipientName,
        RecipientPractice = request.RecipientPractice,
        RecipientAddress = request.RecipientAddress,
        RecipientPhone = request.RecipientPhone,
        RecipientFax = request.RecipientFax,
        RecipientEmail = request.RecipientEmail,
        Records = RecordsWords.AllKinds.Where(kind => request.Records.HasFlag(kind)).ToList(),
        OtherRecords = request.OtherRecords,
        Dates = request.Dates,
        DatesFrom = request.DatesFrom,
        DatesTo = request.DatesTo,
        Delivery = request.Delivery,
        Purpose = request.Purpose,
        ExpiresOn = request.ExpiresOn,
        ExpiryEvent = request.ExpiryEvent,
        Signer = request.Signer,
        RepresentativeName = request.RepresentativeName,
        RepresentativeAuthority = request.RepresentativeAuthority,
        Version = request.Version,
    };

    /// <summary>
    /// Copies the form onto the request. A doctor from the plan's list brings their details, and
    /// what the person typed fills any gaps. Returns false when the chosen doctor is not on this
    /// plan's list, which the caller answers with 404.
    /// </summary>
    protected bool TryApply(RecordsRequest request)
    {
        Doctor? doctor = null;
        if (Input.Recipient?.StartsWith(DoctorPrefix, StringComparison.Ordinal) == true)
        {
            var id = int.Parse(Input.Recipient[DoctorPrefix.Length..], CultureInfo.InvariantCulture);
            doctor = Doctors.FirstOrDefault(d => d.Id == id);
            if (doctor is null)
            {
                return false;
            }
        }

        request.Route = Input.Route!.Value;
        request.PatientName = Plan.Clean(Input.PatientName);
        request.PatientDateOfBirth = Input.PatientDateOfBirth;
        request.HolderName = Plan.Clean(Input.HolderName);
        request.HolderAddress = Plan.Clean(Input.HolderAddress);
        request.HolderPhone = Plan.Clean(Input.HolderPhone);
        request.HolderFax = Plan.Clean(Input.HolderFax);
        request.RecipientKind = Input.Recipient switch
        {
            null => null,
            ThePatient => RecordsRecipient.Patient,
            OtherOffice => RecordsRecipient.OtherOffice,
            _ => RecordsRecipient.Doctor,
        };
        request.RecipientDoctorId = doctor?.Id;
        var forPatient = request.RecipientKind == RecordsRecipient.Patient;
        request.RecipientName = forPatient ? null : doctor?.Name ?? Plan.Clean(Input.RecipientName);
        request.RecipientPractice = forPatient ? null : doctor?.Practice ?? Plan.Clean(Input.RecipientPractice);
        request.RecipientAddress = doctor?.Address ?? Plan.Clean(Input.RecipientAddress);
        request.RecipientPhone = doctor?.Phone ?? Plan.Clean(Input.RecipientPhone);
        request.RecipientFax = doctor?.Fax ?? Plan.Clean(Input.RecipientFax);
        request.RecipientEmail = Plan.Clean(Input.RecipientEmail);
        request.Records = Input.Records.Aggregate(RecordKinds.None, (all, kind) => all | kind);
        request.OtherRecords = request.Records.HasFlag(RecordKinds.Other) ? Plan.Clean(Input.OtherRecords) : null;
        request.Dates = Input.Dates;
        request.DatesFrom = Input.Dates == RecordDates.Between ? Input.DatesFrom : null;
        request.DatesTo = Input.Dates == RecordDates.Between ? Input.DatesTo : null;
        request.Delivery = Input.Delivery;
        request.Purpose = Plan.Clean(Input.Purpose);
        var authorization = request.Route == RecordsRoute.Authorization;
        request.ExpiresOn = authorization ? Input.ExpiresOn : null;
        request.ExpiryEvent = authorization ? Plan.Clean(Input.ExpiryEvent) : null;
        request.Signer = Input.Signer;
        var representative = Input.Signer == RecordsSigner.Representative;
        request.RepresentativeName = representative ? Plan.Clean(Input.RepresentativeName) : null;
        request.RepresentativeAuthority = representative ? Plan.Clean(Input.RepresentativeAuthority) : null;
        request.UpdatedAtUtc = NowUtc;
        return true;
    }

    private static string DoctorChoice(Doctor doctor)
    {
        var text = doctor.Practice is null ? doctor.Name : $"{doctor.Name}, {doctor.Practice}";
        return doctor.IsSecondOpinionDoctor ? $"{text} (the doctor for your second opinion)" : text;
    }

    public static bool IsRecipientChoice(string? value) =>
        value is null or OtherOffice or ThePatient
        || (value.StartsWith(DoctorPrefix, StringComparison.Ordinal)
            && int.TryParse(value[DoctorPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _));
}

public sealed class RequestInput
{
    public RecordsRoute? Route { get; set; }
    public string? PatientName { get; set; }
    public DateOnly? PatientDateOfBirth { get; set; }
    public string? HolderName { get; set; }
    public string? HolderAddress { get; set; }
    public string? HolderPhone { get; set; }
    public string? HolderFax { get; set; }

    /// <summary>"doctor-{id}" for a doctor on the plan's list, "other", or "patient".</summary>
    public string? Recipient { get; set; }

    public string? RecipientName { get; set; }
    public string? RecipientPractice { get; set; }
    public string? RecipientAddress { get; set; }
    public string? RecipientPhone { get; set; }
    public string? RecipientFax { get; set; }
    public string? RecipientEmail { get; set; }
    public List<RecordKinds> Records { get; set; } = [];
    public string? OtherRecords { get; set; }
    public RecordDates? Dates { get; set; }
    public DateOnly? DatesFrom { get; set; }
    public DateOnly? DatesTo { get; set; }
    public RecordsDelivery? Delivery { get; set; }
    public string? Purpose { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public string? ExpiryEvent { get; set; }
    public RecordsSigner? Signer { get; set; }
    public string? RepresentativeName { get; set; }
    public string? RepresentativeAuthority { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Rules for each field as it is typed: lengths, formats and dates that make sense. Whether the
/// request has everything an office needs is the completeness check's job, not this one's.
/// </summary>
public sealed class RequestInputValidator : AbstractValidator<RequestInput>
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public RequestInputValidator(DateOnly today)
    {
        RuleFor(i => i.Route).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose how you want to ask for the records.")
            .IsInEnum().WithMessage("Choose how you want to ask for the records.");
        RuleFor(i => i.PatientName).MaximumLength(Plan.PatientNameMaxLength)
            .WithMessage($"A name can be at most {Plan.PatientNameMaxLength} characters.");
        RuleFor(i => i.PatientDateOfBirth).InclusiveBetween(Earliest, today)
            .WithMessage("Enter a date of birth between 1900 and today.");

        RuleFor(i => i.HolderName).MaximumLength(RecordsRequest.PracticeMaxLength)
            .WithMessage($"The office's name can be at most {RecordsRequest.PracticeMaxLength} characters.");
        RuleFor(i => i.HolderAddress).Address();
        RuleFor(i => i.HolderPhone).Phone("phone number");
        RuleFor(i => i.HolderFax).Phone("fax number");

        RuleFor(i => i.Recipient).Must(RequestFormPageModel.IsRecipientChoice)
            .WithMessage("Choose who should get the records.");
        RuleFor(i => i.RecipientName).MaximumLength(RecordsRequest.NameMaxLength)
            .WithMessage($"A name can be at most {RecordsRequest.NameMaxLength} characters.");
        RuleFor(i => i.RecipientPractice).MaximumLength(RecordsRequest.PracticeMaxLength)
            .WithMessage($"The office's name can be at most {RecordsRequest.PracticeMaxLength} characters.");
        RuleFor(i => i.RecipientAddress).Address();
        RuleFor(i => i.RecipientPhone).Phone("phone number");
        RuleFor(i => i.RecipientFax).Phone("fax number");
        RuleFor(i => i.RecipientEmail).Cascade(CascadeMode.Stop)
            .MaximumLength(RecordsRequest.EmailMaxLength).WithMessage($"An email address can be at most {RecordsRequest.EmailMaxLength} characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");

        RuleFor(i => i.Records).Must(kinds => kinds.All(kind => RecordsWords.AllKinds.Contains(kind)))
            .WithMessage("Choose records from the list.");
        RuleFor(i => i.OtherRecords).MaximumLength(RecordsRequest.OtherRecordsMaxLength)
            .WithMessage($"Keep this to {RecordsRequest.OtherRecordsMaxLength} characters or fewer.");
        RuleFor(i => i.Dates).IsInEnum().WithMessage("Choose which dates the records should cover.");
        When(i => i.Dates == RecordDates.Between, () =>
        {
            RuleFor(i => i.DatesFrom).InclusiveBetween(Earliest, today)
                .WithMessage("Enter a first date between 1900 and today.");
            RuleFor(i => i.DatesTo).Cascade(CascadeMode.Stop)
                .InclusiveBetween(Earliest, today).WithMessage("Enter a last date between 1900 and today.")
                .GreaterThanOrEqualTo(i => i.DatesFrom).When(i => i.DatesFrom is not null)
                    .WithMessage("The last date must be the same as the first date or after it.");
        });
        RuleFor(i => i.Delivery).IsInEnum().WithMessage("Choose how the records should be sent.");
        RuleFor(i => i.Purpose).MaximumLength(RecordsRequest.PurposeMaxLength)
            .WithMessage($"Keep this to {RecordsRequest.PurposeMaxLength} characters or fewer.");
        RuleFor(i => i.ExpiresOn).GreaterThan(today).When(i => i.Route == RecordsRoute.Authorization)
            .WithMessage("Choose an end date after today.");
        RuleFor(i => i.ExpiryEvent).MaximumLength(RecordsRequest.ExpiryEventMaxLength)
            .WithMessage($"Keep this to {RecordsRequest.ExpiryEventMaxLength} characters or fewer.");
        RuleFor(i => i.Signer).IsInEnum().WithMessage("Choose who will sign the form.");
        RuleFor(i => i.RepresentativeName).MaximumLength(RecordsRequest.NameMaxLength)
            .WithMessage($"A name can be at most {RecordsRequest.NameMaxLength} characters.");
        RuleFor(i => i.RepresentativeAuthority).MaximumLength(RecordsRequest.AuthorityMaxLength)
            .WithMessage($"Keep this to {RecordsRequest.AuthorityMaxLength} characters or fewer.");
    }
}

/// <summary>Rules for contact fields on the records forms.</summary>
public static class RecordsFieldRules
{
    public static IRuleBuilderOptions<T, string?> Address<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.MaximumLength(RecordsRequest.AddressMaxLength)
            .WithMessage($"An address can be at most {RecordsRequest.AddressMaxLength} characters.");

    /// <summary>Digits with the usual separators, and an extension if needed: "(555) 123-4567 ext. 12".</summary>
    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilderInitial<T, string?> rule, string what) =>
        rule.Cascade(CascadeMode.Stop)
            .MaximumLength(RecordsRequest.PhoneMaxLength).WithMessage($"A {what} can be at most {RecordsRequest.PhoneMaxLength} characters.")
            .Matches(@"^\s*\+?[0-9(][0-9 ()./-]{5,}(\s*(x|ext\.?)\s*[0-9]+)?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                .WithMessage($"Enter a {what} using numbers, like 555-123-4567.");
}
