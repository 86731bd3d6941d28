namespace SecondOpinion.Web.Domain;

public enum VisitKind
{
    InPerson = 0,
    Video = 1,
}

/// <summary>The things to bring to the visit, each ticked off when it is ready.</summary>
[Flags]
public enum BringItem
{
    None = 0,
    QuestionList = 1,
    RecordsCopy = 2,
    ImagesOnDisc = 4,
    MedicinesList = 8,
    InsuranceCardAndId = 16,
    Companion = 32,
}

/// <summary>
/// The second-opinion visit (step 6), one per plan: who, when and where, what is ready to bring,
/// and the medicines list that goes on the visit brief. A plan can tick off what to bring before
/// the visit is booked, so the booking fields are empty until then.
/// </summary>
public class Visit : IPlanOwned, IVersioned
{
    public const int PlaceMaxLength = 300;
    public const int MedicinesMaxLength = 2000;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public int? DoctorId { get; set; }
    public DateTime? StartsAtUtc { get; set; }
    public VisitKind Kind { get; set; }

    /// <summary>The address, or for a video visit how to join.</summary>
    public string? Place { get; set; }

    public BringItem Ready { get; set; }
    public string? Medicines { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public bool IsBooked => DoctorId is not null && StartsAtUtc is not null;
}

public static class VisitRules
{
    /// <summary>How close the visit must be before missing records are worth a warning.</summary>
    public static readonly TimeSpan RecordsWarningWindow = TimeSpan.FromDays(7);

    /// <summary>How long the calendar entry lasts; offices rarely say, and an hour is typical.</summary>
    public static readonly TimeSpan CalendarLength = TimeSpan.FromHours(1);

    /// <summary>
    /// Warn when records for the visit's doctor have not arrived and the visit is in the next
    /// seven days: there is still time to call the office, but not much.
    /// </summary>
    public static bool ShouldWarnRecordsMissing(DateTime startsAtUtc, DateTime nowUtc, bool recordsNotYetReceived) =>
        recordsNotYetReceived && startsAtUtc > nowUtc && startsAtUtc - nowUtc <= RecordsWarningWindow;

    /// <summary>The handout's sixth tip, shown as a gentle warning when the visit is by video.</summary>
    public const string SeenInPerson =
        "A second opinion works best in person. The doctor needs to examine you, and may order tests. Do not rely on a phone call or a video call alone.";

    public static IReadOnlyList<BringItem> Checklist { get; } =
    [
        BringItem.QuestionList,
        BringItem.RecordsCopy,
        BringItem.ImagesOnDisc,
        BringItem.MedicinesList,
        BringItem.InsuranceCardAndId,
        BringItem.Companion,
    ];

    public static string Label(this BringItem item) => item switch
    {
        BringItem.QuestionList => "Your list of questions",
        BringItem.RecordsCopy => "A copy of your medical records",
        BringItem.ImagesOnDisc => "Your scans or X-rays on a disc, if you have them",
        BringItem.MedicinesList => "A list of the medicines you take",
        BringItem.InsuranceCardAndId => "Your insurance card and a photo ID",
        BringItem.Companion => "Someone to come with you, if you like",
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public static string Label(this VisitKind kind) => kind switch
    {
        VisitKind.InPerson => "In person, at the doctor's office",
        VisitKind.Video => "A video visit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
