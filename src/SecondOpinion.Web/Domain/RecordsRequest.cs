namespace SecondOpinion.Web.Domain;

/// <summary>The two legal ways to ask an office for copies of health records.</summary>
public enum RecordsRoute
{
    /// <summary>The patient's right of access (HIPAA, 45 CFR 164.524).</summary>
    RightOfAccess = 0,

    /// <summary>A written authorization (HIPAA, 45 CFR 164.508), the form many offices ask for.</summary>
    Authorization = 1,
}

/// <summary>Who gets the records.</summary>
public enum RecordsRecipient
{
    /// <summary>A doctor from the plan's list; their details are copied onto the request.</summary>
    Doctor = 0,
    OtherOffice = 1,

    /// <summary>The patient, for their own copy.</summary>
    Patient = 2,
}

[Flags]
public enum RecordKinds
{
    None = 0,
    VisitNotes = 1 << 0,
    TestResults = 1 << 1,
    ImagingReports = 1 << 2,
    Images = 1 << 3,
    PathologyReports = 1 << 4,
    PathologySlides = 1 << 5,
    OperationNotes = 1 << 6,
    DischargeSummaries = 1 << 7,
    MedicinesList = 1 << 8,
    Other = 1 << 9,
}

public enum RecordDates
{
    All = 0,
    Between = 1,
}

/// <summary>How the office should deliver the records.</summary>
public enum RecordsDelivery
{
    Mail = 0,
    Fax = 1,
    SecureEmail = 2,
    PatientPortal = 3,
    PickUp = 4,
}

public enum RecordsSigner
{
    Patient = 0,

    /// <summary>Someone with the authority to sign for the patient (power of attorney, parent, guardian).</summary>
    Representative = 1,
}

/// <summary>How the person sent the signed request to the office.</summary>
public enum RequestSentBy
{
    Fax = 0,
    Mail = 1,
    Email = 2,
    PatientPortal = 3,
    InPerson = 4,
}

/// <summary>Where a records request stands. It moves forward one status at a time, in this order.</summary>
public enum RecordsRequestStatus
{
    Draft = 0,
    ReadyToSign = 1,

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Signed as in signed by hand, not a signed number.")]
    Signed = 2,
    Sent = 3,
    Received = 4,
}

/// <summary>Why a change to a records request was refused, in words the person can act on.</summary>
/// <param name="AboutTheDate">True when the date the person gave is the problem, so it is shown beside that field.</param>
public sealed record RecordsRefusal(string Message, bool AboutTheDate = false);

/// <summary>
/// A request to a doctor's office to send the patient's records (step 4). Its details can change
/// only while it is a draft; once it is final it is printed, signed, sent and received, in that order.
/// </summary>
public class RecordsRequest : IPlanOwned, IVersioned
{
    public const int NameMaxLength = 120;
    public const int PracticeMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int PhoneMaxLength = 40;
    public const int EmailMaxLength = 254;
    public const int OtherRecordsMaxLength = 300;
    public const int PurposeMaxLength = 300;
    public const int ExpiryEventMaxLength = 200;
    public const int AuthorityMaxLength = 200;
    public const string DefaultPurpose = "Second opinion";

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public RecordsRoute Route { get; set; }
    public RecordsRequestStatus Status { get; private set; }

    public string? PatientName { get; set; }
    public DateOnly? PatientDateOfBirth { get; set; }

    /// <summary>The office that holds the records and is asked to send them.</summary>
    public string? HolderName { get; set; }
    public string? HolderAddress { get; set; }
    public string? HolderPhone { get; set; }
    public string? HolderFax { get; set; }

    public RecordsRecipient? RecipientKind { get; set; }

    /// <summary>The doctor from the plan's list, while they are still on it.</summary>
    public int? RecipientDoctorId { get; set; }

    public string? RecipientName { get; set; }
    public string? RecipientPractice { get; set; }
    public string? RecipientAddress { get; set; }
    public string? RecipientPhone { get; set; }
    public string? RecipientFax { get; set; }
    public string? RecipientEmail { get; set; }

    public RecordKinds Records { get; set; }
    public string? OtherRecords { get; set; }
    public RecordDates? Dates { get; set; }
    public DateOnly? DatesFrom { get; set; }

    /// <summary>Empty means "to today".</summary>
    public DateOnly? DatesTo { get; set; }

    public RecordsDelivery? Delivery { get; set; }
    public string? Purpose { get; set; }

    /// <summary>When an authorization ends: a date, an event, or both (whichever comes first).</summary>
    public DateOnly? ExpiresOn { get; set; }
    public string? ExpiryEvent { get; set; }

    public RecordsSigner? Signer { get; set; }
    public string? RepresentativeName { get; set; }

    /// <summary>Why the representative may sign for the patient (power of attorney, parent of a minor...).</summary>
    public string? RepresentativeAuthority { get; set; }

    public DateOnly? SignedOn { get; private set; }
    public DateOnly? SentOn { get; private set; }
    public RequestSentBy? SentBy { get; private set; }
    public DateOnly? ReceivedOn { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public List<RecordsStatusChange> History { get; } = [];
    public List<RecordsFollowUpCall> Calls { get; } = [];

    /// <summary>The details can be changed only while the request is a draft.</summary>
    public bool CanChangeDetails => Status == RecordsRequestStatus.Draft;

    /// <summary>A request can be thrown away until it is signed; after that its history matters.</summary>
    public bool CanDelete => Status <= RecordsRequestStatus.ReadyToSign;

    /// <summary>True when there is at least one request and the records of every one have arrived: step 4 looks done.</summary>
    public static bool AllReceived(IReadOnlyCollection<RecordsRequest> requests) =>
        requests.Count > 0 && requests.All(r => r.Status == RecordsRequestStatus.Received);

    /// <summary>A new draft, with the patient's details from the plan and the usual purpose.</summary>
    public static RecordsRequest Start(Plan plan, RecordsRoute route, DateOnly today, DateTime nowUtc)
    {
        var request = new RecordsRequest
        {
            PlanId = plan.Id,
            Route = route,
            PatientName = plan.PatientName,
            PatientDateOfBirth = plan.PatientDateOfBirth,
            Purpose = DefaultPurpose,
            CreatedAtUtc = nowUtc,
        };
        request.Record(RecordsRequestStatus.Draft, today, null, nowUtc);
        return request;
    }

    /// <summary>What the person still has to fill in before the request can be made final.</summary>
    public IReadOnlyList<string> Missing(DateOnly today) => RecordsCompleteness.Missing(RecordsDocument.From(this), today);

    /// <summary>Makes the draft final, ready to print and sign, if nothing is missing.</summary>
    public RecordsRefusal? MakeReady(DateOnly today, DateTime nowUtc)
    {
        if (Status != RecordsRequestStatus.Draft)
        {
            return new("This request is already final.");
        }

        if (Missing(today).Count > 0)
        {
            return new("This request is not finished yet. Fill in each thing on the list of what is still needed, then try again.");
        }

        Record(RecordsRequestStatus.ReadyToSign, today, null, nowUtc);
        return null;
    }

    /// <summary>Takes a final request that is not signed yet back to a draft, so it can be changed.</summary>
    public RecordsRefusal? ReopenDraft(DateOnly today, DateTime nowUtc)
    {
        if (Status != RecordsRequestStatus.ReadyToSign)
        {
            return new(Status == RecordsRequestStatus.Draft
                ? "This request is already a draft. You can change it."
                : "A signed request cannot be changed. If something on it is wrong, start a new request.");
        }

        Record(RecordsRequestStatus.Draft, today, null, nowUtc);
        return null;
    }

    public RecordsRefusal? MarkSigned(DateOnly signedOn, DateOnly today, DateTime nowUtc)
    {
        if (Status != RecordsRequestStatus.ReadyToSign)
        {
            return new(Status == RecordsRequestStatus.Draft
                ? "Make the request final and print it before you mark it signed."
                : "This request is already marked signed.");
        }

        if (signedOn > today)
        {
            return new("The date it was signed cannot be in the future.", AboutTheDate: true);
        }

        SignedOn = signedOn;
        Record(RecordsRequestStatus.Signed, signedOn, null, nowUtc);
        return null;
    }

    public RecordsRefusal? MarkSent(DateOnly sentOn, RequestSentBy sentBy, DateOnly today, DateTime nowUtc)
    {
        if (Status != RecordsRequestStatus.Signed)
        {
            return new(Status < RecordsRequestStatus.Signed
                ? "Mark the request signed before you mark it sent."
                : "This request is already marked sent.");
        }

        if (sentOn > today)
        {
            return new("The date it was sent cannot be in the future.", AboutTheDate: true);
        }

        if (sentOn < SignedOn)
        {
            return new($"The date it was sent cannot be before the date it was signed, {RecordsWords.Date(SignedOn!.Value)}.", AboutTheDate: true);
        }

        SentOn = sentOn;
        SentBy = sentBy;
        Record(RecordsRequestStatus.Sent, sentOn, sentBy, nowUtc);
        return null;
    }

    public RecordsRefusal? MarkReceived(DateOnly receivedOn, DateOnly today, DateTime nowUtc)
    {
        if (Status != RecordsRequestStatus.Sent)
        {
            return new(Status < RecordsRequestStatus.Sent
                ? "Mark the request sent before you mark the records received."
                : "The records are already marked received.");
        }

        if (receivedOn > today)
        {
            return new("The date the records arrived cannot be in the future.", AboutTheDate: true);
        }

        if (receivedOn < SentOn)
        {
            return new($"The date the records arrived cannot be before the date the request was sent, {RecordsWords.Date(SentOn!.Value)}.", AboutTheDate: true);
        }

        ReceivedOn = receivedOn;
        Record(RecordsRequestStatus.Received, receivedOn, null, nowUtc);
        return null;
    }

    /// <summary>Writes down a call to the office about a sent request.</summary>
    public RecordsRefusal? LogCall(DateOnly calledOn, string? spokeWith, string whatWasSaid, DateOnly today, DateTime nowUtc)
    {
        if (Status != RecordsRequestStatus.Sent)
        {
            return new(Status == RecordsRequestStatus.Received
                ? "The records have arrived, so there are no more calls to write down."
                : "You can write down calls to the office once the request is sent.");
        }

        if (calledOn > today)
        {
            return new("The date of the call cannot be in the future.", AboutTheDate: true);
        }

        if (calledOn < SentOn)
        {
            return new($"The date of the call cannot be before the date the request was sent, {RecordsWords.Date(SentOn!.Value)}.", AboutTheDate: true);
        }

        Calls.Add(new RecordsFollowUpCall { CalledOn = calledOn, SpokeWith = spokeWith, WhatWasSaid = whatWasSaid, RecordedAtUtc = nowUtc });
        return null;
    }

    /// <summary>How long the office has left to act, while the request is sent and the records have not arrived.</summary>
    public RecordsDeadline? DeadlineOn(DateOnly today) =>
        Status == RecordsRequestStatus.Sent && SentOn is { } sentOn ? RecordsDeadline.From(sentOn, today) : null;

    private void Record(RecordsRequestStatus status, DateOnly on, RequestSentBy? sentBy, DateTime nowUtc)
    {
        Status = status;
        UpdatedAtUtc = nowUtc;
        History.Add(new RecordsStatusChange { Status = status, On = on, SentBy = sentBy, RecordedAtUtc = nowUtc });
    }
}

/// <summary>One step in a records request's history: what it became, and on which day.</summary>
public class RecordsStatusChange
{
    public int Id { get; set; }
    public int RecordsRequestId { get; set; }
    public RecordsRequestStatus Status { get; set; }

    /// <summary>The day it happened, as the person said (signed, sent, received) or the day it was recorded.</summary>
    public DateOnly On { get; set; }

    public RequestSentBy? SentBy { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>A call to the office to chase a request: when, who the person spoke to, what was said.</summary>
public class RecordsFollowUpCall
{
    public const int SpokeWithMaxLength = 120;
    public const int NotesMaxLength = 2000;

    public int Id { get; set; }
    public int RecordsRequestId { get; set; }
    public DateOnly CalledOn { get; set; }
    public string? SpokeWith { get; set; }
    public required string WhatWasSaid { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
