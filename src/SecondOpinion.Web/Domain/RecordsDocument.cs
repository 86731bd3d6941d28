namespace SecondOpinion.Web.Domain;

/// <summary>The statements a HIPAA authorization must carry (45 CFR 164.508(c)(2)).</summary>
public enum RequiredStatement
{
    /// <summary>The right to take the permission back in writing, and how.</summary>
    RightToRevoke = 0,

    /// <summary>Treatment, payment, enrollment and benefits do not depend on signing.</summary>
    TreatmentDoesNotDependOnSigning = 1,

    /// <summary>Records shared again may no longer be protected by the privacy law.</summary>
    MayNoLongerBeProtected = 2,
}

public sealed record DocumentStatement(RequiredStatement Kind, string Heading, string Text);

/// <summary>One labelled value of the form; a value of several lines is a list (the records asked for).</summary>
public sealed record DocumentRow(string Label, IReadOnlyList<string> Lines);

public sealed record DocumentSection(string Heading, IReadOnlyList<DocumentRow> Rows, IReadOnlyList<string> Paragraphs);

/// <summary>Who gets the records, as the form names them.</summary>
public sealed record DocumentParty(string? Name, string? Practice, string? Address, string? Phone, string? Fax, string? Email);

/// <summary>
/// The records request as it is printed and turned into a PDF: the person's details plus the fixed
/// wording. The printable page and the PDF both draw <see cref="Sections"/>, and the completeness
/// check reads this model, so a form that lacks an element or a required statement is never produced.
/// </summary>
public sealed record RecordsDocument
{
    public const string PatientCopyHeading = "Patient's copy: keep this for your records";

    public required RecordsRequest Request { get; init; }
    public required string Title { get; init; }
    public required string LegalBasis { get; init; }
    public required IReadOnlyList<string> Opening { get; init; }

    /// <summary>Who gets the records: the named doctor or office, or the patient for their own copy. Null until chosen.</summary>
    public required DocumentParty? Receiver { get; init; }

    /// <summary>For an authorization, the three required statements; none for a right-of-access request.</summary>
    public required IReadOnlyList<DocumentStatement> Statements { get; init; }

    /// <summary>What a right-of-access request tells the office about its duties.</summary>
    public required IReadOnlyList<string> OfficeDuties { get; init; }

    /// <summary>The blank lines the signer fills in by hand: the signature and the date.</summary>
    public required IReadOnlyList<string> SignatureLines { get; init; }

    /// <summary>The line that tells the signer the patient keeps a copy.</summary>
    public required string? PatientCopyNote { get; init; }

    public bool IsAuthorization => Request.Route == RecordsRoute.Authorization;

    public static RecordsDocument From(RecordsRequest request)
    {
        var holder = request.HolderName ?? "the office that has the records";
        var receiver = request.RecipientKind switch
        {
            null => null,
            RecordsRecipient.Patient => new DocumentParty(request.PatientName, null, request.RecipientAddress,
                request.RecipientPhone, request.RecipientFax, request.RecipientEmail),
            _ => new DocumentParty(request.RecipientName, request.RecipientPractice, request.RecipientAddress,
                request.RecipientPhone, request.RecipientFax, request.RecipientEmail),
        };
        var authorization = request.Route == RecordsRoute.Authorization;
        return new RecordsDocument
        {
            Request = request,
            Title = authorization ? "Permission to share health records" : "Request for copies of health records",
            LegalBasis = authorization
                ? $"An authorization under the HIPAA Privacy Rule, {request.Route.Rule()}."
                : $"A request under the HIPAA right of access, {request.Route.Rule()}.",
            Opening = authorization
                ? ["I allow the office named below to send copies of my health records to the person or office named below."]
                : [request.RecipientKind == RecordsRecipient.Patient
                    ? "I am asking for copies of my health records. Please send the copies to me."
                    : "I am asking for copies of my health records. Please send the copies straight to the person or office named below."],
            Receiver = receiver,
            Statements = authorization ? RequiredStatements(holder, HowToReach(request)) : [],
            OfficeDuties = authorization ? [] :
            [
                "The law asks you to act on this request within 30 days. If you need more time, you may take 30 more days one time only. If you do, you must tell me in writing why, and when I will get the records.",
                "You may charge only a reasonable fee, based on your cost to copy and send the records.",
            ],
            SignatureLines = ["Signature", "Date"],
            PatientCopyNote = "The patient keeps a copy of this signed form.",
        };
    }

    /// <summary>The fixed, plain-language text of the statements every authorization must carry.</summary>
    public static IReadOnlyList<DocumentStatement> RequiredStatements(string holder, string? howToReach) =>
    [
        new(RequiredStatement.RightToRevoke, "You can take back this permission",
            $"You can take back (revoke) this permission at any time, in writing. To do that, send a signed letter to {holder}{(howToReach is null ? "" : $", {howToReach}")}. " +
            "Taking it back stops any sharing from then on. It does not undo sharing that already happened because of this form."),
        new(RequiredStatement.TreatmentDoesNotDependOnSigning, "Your care does not depend on this form",
            $"{Capitalize(holder)} will not refuse to treat you because you do not sign this form. Your payment, health plan enrollment, and benefits do not depend on it either."),
        new(RequiredStatement.MayNoLongerBeProtected, "Records shared again may not be protected",
            "Once the records are sent, the person who gets them might share them again. If that happens, the federal privacy law may no longer protect them."),
    ];

    /// <summary>The form's content in reading order, for the printable page and the PDF.</summary>
    public IReadOnlyList<DocumentSection> Sections()
    {
        var request = Request;
        var sections = new List<DocumentSection>
        {
            new("The patient", Rows(("Name", request.PatientName), ("Date of birth", request.PatientDateOfBirth is { } born ? RecordsWords.Date(born) : null)), []),
            new("The office that has the records", Rows(("Name", request.HolderName), ("Address", request.HolderAddress),
                ("Phone", request.HolderPhone), ("Fax", request.HolderFax)), []),
            new("Send the records to", Rows(("Name", Receiver?.Name), ("Office", Receiver?.Practice), ("Address", Receiver?.Address),
                ("Phone", Receiver?.Phone), ("Fax", Receiver?.Fax), ("Email", Receiver?.Email)), []),
            new("Records to send", [new DocumentRow("Records", RecordLines()), .. Rows(("Dates", DatesText()))], []),
            new("How to send them", Rows(("Delivery", request.Delivery?.Label())), []),
        };
        if (IsAuthorization || request.Purpose is not null)
        {
            sections.Add(new("Why the records are shared", Rows(("Purpose", request.Purpose)), []));
        }

        if (IsAuthorization)
        {
            sections.Add(new("When this permission ends", Rows(("Ends", ExpiryText())), []));
        }

        if (OfficeDuties.Count > 0)
        {
            sections.Add(new("What the law asks of the office", [], OfficeDuties));
        }

        foreach (var statement in Statements)
        {
            sections.Add(new(statement.Heading, [], [statement.Text]));
        }

        return sections;
    }

    /// <summary>The printed name and authority of a representative who signs for the patient.</summary>
    public IReadOnlyList<DocumentRow> SignerRows() =>
        Request.Signer == RecordsSigner.Representative
            ? Rows(("Name of the person signing for the patient", Request.RepresentativeName),
                ("Their authority to sign for the patient", Request.RepresentativeAuthority))
            : [];

    public IReadOnlyList<string> RecordLines() =>
        RecordsWords.AllKinds.Where(kind => Request.Records.HasFlag(kind))
            .Select(kind => kind == RecordKinds.Other && Request.OtherRecords is { } other ? $"Other: {other}" : kind.Label())
            .ToList();

    public string? DatesText() => Request.Dates switch
    {
        RecordDates.All => "All dates",
        RecordDates.Between when Request.DatesFrom is { } from =>
            $"From {RecordsWords.Date(from)} to {(Request.DatesTo is { } to ? RecordsWords.Date(to) : "today")}",
        _ => null,
    };

    public string? ExpiryText() => (Request.ExpiresOn, Request.ExpiryEvent) switch
    {
        ({ } on, { } when) => $"On {RecordsWords.Date(on)}, or {when}, whichever comes first",
        ({ } on, null) => $"On {RecordsWords.Date(on)}",
        (null, { } when) => when,
        _ => null,
    };

    private static string? HowToReach(RecordsRequest request) => (request.HolderAddress, request.HolderFax) switch
    {
        ({ } address, _) => $"at {address.ReplaceLineEndings(", ")}",
        (null, { } fax) => $"by fax at {fax}",
        _ => null,
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static List<DocumentRow> Rows(params (string Label, string? Value)[] rows) =>
        rows.Where(row => row.Value is not null).Select(row => new DocumentRow(row.Label, [row.Value!])).ToList();
}
