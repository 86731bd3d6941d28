using System.Globalization;

namespace SecondOpinion.Web.Domain;

/// <summary>The plain words for each choice on a records request, used on the pages and the printed form.</summary>
public static class RecordsWords
{
    /// <summary>Each kind of record, in the order a form lists them.</summary>
    public static IReadOnlyList<RecordKinds> AllKinds { get; } =
        Enum.GetValues<RecordKinds>().Where(kind => kind != RecordKinds.None).ToList();

    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Label(this RecordsRoute route) => route switch
    {
        RecordsRoute.RightOfAccess => "A request for your records (your right of access)",
        RecordsRoute.Authorization => "A permission form (an authorization)",
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    /// <summary>What each way of asking means, in a few plain sentences.</summary>
    public static IReadOnlyList<string> Explanation(this RecordsRoute route) => route switch
    {
        RecordsRoute.RightOfAccess =>
        [
            "A federal law called HIPAA gives you the right to get copies of your records. You can ask the office to send them to you, or straight to your new doctor.",
            "The office must act within 30 days. It can take 30 more days only once, and it must tell you why in writing. It can charge only a fair fee, based on its cost.",
        ],
        RecordsRoute.Authorization =>
        [
            "Many offices ask you to sign their kind of permission form before they send records to someone else. It is called an authorization.",
            "It must say what to send, who sends it, who gets it, why, and when the permission ends. It must also tell you your rights. We put all of that on the form for you.",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    /// <summary>The rule behind each way of asking, for when an office asks.</summary>
    public static string Rule(this RecordsRoute route) => route switch
    {
        RecordsRoute.RightOfAccess => "45 CFR 164.524",
        RecordsRoute.Authorization => "45 CFR 164.508",
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    /// <summary>A short name for a request in lists: which office sends, to whom.</summary>
    public static string Title(RecordsRequest request)
    {
        var receiver = request.RecipientKind switch
        {
            RecordsRecipient.Patient => "the patient",
            _ => request.RecipientName ?? "someone not chosen yet",
        };
        return $"From {request.HolderName ?? "an office not named yet"} to {receiver}";
    }

    public static string Label(this RecordKinds kind) => kind switch
    {
        RecordKinds.VisitNotes => "Visit notes",
        RecordKinds.TestResults => "Test results, such as blood tests",
        RecordKinds.ImagingReports => "Imaging reports (X-ray, CT, MRI, ultrasound)",
        RecordKinds.Images => "The images themselves, on a disc or by a secure link",
        RecordKinds.PathologyReports => "Pathology reports (results from a biopsy or other sample)",
        RecordKinds.PathologySlides => "Pathology slides or tissue blocks",
        RecordKinds.OperationNotes => "Operation notes",
        RecordKinds.DischargeSummaries => "Hospital discharge summaries",
        RecordKinds.MedicinesList => "List of medicines",
        RecordKinds.Other => "Other records",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(this RecordsDelivery delivery) => delivery switch
    {
        RecordsDelivery.Mail => "By mail",
        RecordsDelivery.Fax => "By fax",
        RecordsDelivery.SecureEmail => "By secure email",
        RecordsDelivery.PatientPortal => "Through the patient portal (the office's website for patients)",
        RecordsDelivery.PickUp => "Ready to pick up at the office",
        _ => throw new ArgumentOutOfRangeException(nameof(delivery)),
    };

    public static string Label(this RecordsSigner signer) => signer switch
    {
        RecordsSigner.Patient => "The patient",
        RecordsSigner.Representative => "Someone signing for the patient",
        _ => throw new ArgumentOutOfRangeException(nameof(signer)),
    };

    public static string Label(this RequestSentBy sentBy) => sentBy switch
    {
        RequestSentBy.Fax => "By fax",
        RequestSentBy.Mail => "By mail",
        RequestSentBy.Email => "By email",
        RequestSentBy.PatientPortal => "Through the patient portal",
        RequestSentBy.InPerson => "Handed in at the office",
        _ => throw new ArgumentOutOfRangeException(nameof(sentBy)),
    };

    public static string Label(this RecordsRequestStatus status) => status switch
    {
        RecordsRequestStatus.Draft => "Draft",
        RecordsRequestStatus.ReadyToSign => "Ready to sign",
        RecordsRequestStatus.Signed => "Signed",
        RecordsRequestStatus.Sent => "Sent",
        RecordsRequestStatus.Received => "Received",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(this RecordsDueState state) => state switch
    {
        RecordsDueState.Waiting => "Waiting",
        RecordsDueState.DueSoon => "Due soon",
        RecordsDueState.Overdue => "Overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Where a sent request stands against its 30 days, in one sentence.</summary>
    public static string Describe(RecordsDeadline deadline) => deadline.State switch
    {
        RecordsDueState.Overdue => $"Overdue. The office had until {Date(deadline.DueOn)} to act on it. Call the office to ask why.",
        RecordsDueState.DueSoon => $"Due soon. The office has until {Date(deadline.DueOn)} to act on it.",
        _ => $"Waiting. The office has until {Date(deadline.DueOn)} to act on it.",
    };

    /// <summary>What a history entry says happened ("Sent by fax").</summary>
    public static string Describe(RecordsStatusChange change) => change.Status switch
    {
        RecordsRequestStatus.Draft => "Saved as a draft",
        RecordsRequestStatus.ReadyToSign => "Made final, ready to print and sign",
        RecordsRequestStatus.Signed => "Signed",
        RecordsRequestStatus.Sent => change.SentBy is { } by ? $"Sent to the office: {by.Label().ToLowerInvariant()}" : "Sent to the office",
        RecordsRequestStatus.Received => "Records received",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };
}
