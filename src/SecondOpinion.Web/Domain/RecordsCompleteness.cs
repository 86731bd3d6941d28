namespace SecondOpinion.Web.Domain;

/// <summary>
/// Whether a records request is complete enough for an office to accept it. For an authorization
/// that means every core element and every required statement of 45 CFR 164.508(c); for a
/// right-of-access request, who the patient is, which records, who gets them and how, and a
/// signature. Each missing thing is named in plain words, in the order the form asks for it.
/// </summary>
public static class RecordsCompleteness
{
    public static IReadOnlyList<string> Missing(RecordsDocument document, DateOnly today)
    {
        var request = document.Request;
        var missing = new List<string>();
        void Need(bool present, string what)
        {
            if (!present)
            {
                missing.Add(what);
            }
        }

        Need(Has(request.PatientName), "The patient's full name.");
        Need(request.PatientDateOfBirth is not null, "The patient's date of birth.");
        Need(Has(request.HolderName), "The name of the office that has the records.");
        Need(Has(request.HolderAddress) || Has(request.HolderFax), "The address or fax number of the office that has the records.");

        var receiver = document.Receiver;
        if (receiver is null)
        {
            missing.Add("Who should get the records.");
        }
        else if (request.RecipientKind != RecordsRecipient.Patient)
        {
            Need(Has(receiver.Name), "The name of the doctor or office that should get the records.");
        }

        Need(request.Records != RecordKinds.None, "Which records to send.");
        if (request.Records.HasFlag(RecordKinds.Other))
        {
            Need(Has(request.OtherRecords), "A few words about the other records you want.");
        }

        Need(document.DatesText() is not null, request.Dates == RecordDates.Between
            ? "The first date of the records you want."
            : "Which dates the records should cover.");

        switch (request.Delivery)
        {
            case null:
                missing.Add("How the records should be sent.");
                break;
            case RecordsDelivery.Mail when receiver is not null:
                Need(Has(receiver.Address), "The mailing address to send the records to.");
                break;
            case RecordsDelivery.Fax when receiver is not null:
                Need(Has(receiver.Fax), "The fax number to send the records to.");
                break;
            case RecordsDelivery.SecureEmail when receiver is not null:
                Need(Has(receiver.Email), "The email address to send the records to.");
                break;
        }

        if (document.IsAuthorization)
        {
            Need(Has(request.Purpose), "Why the records are being shared, such as for a second opinion.");
            Need(document.ExpiryText() is not null, "When this permission ends: a date or an event.");
            if (request.ExpiresOn is { } expiresOn)
            {
                Need(expiresOn > today, "An end date for this permission that is after today.");
            }
        }

        switch (request.Signer)
        {
            case null:
                missing.Add("Who will sign the form: the patient, or someone signing for them.");
                break;
            case RecordsSigner.Representative:
                Need(Has(request.RepresentativeName), "The name of the person signing for the patient.");
                Need(Has(request.RepresentativeAuthority), "How that person has the right to sign for the patient, such as a power of attorney.");
                break;
        }

        Need(document.SignatureLines.Contains("Signature"), "A line for the signature.");
        Need(document.SignatureLines.Contains("Date"), "A line for the date it is signed.");

        if (document.IsAuthorization)
        {
            foreach (var kind in Enum.GetValues<RequiredStatement>())
            {
                Need(document.Statements.Any(s => s.Kind == kind && Has(s.Text)), Describe(kind));
            }

            Need(Has(document.PatientCopyNote), "A note that the patient keeps a copy of the signed form.");
        }

        return missing;
    }

    public static string Describe(RequiredStatement statement) => statement switch
    {
        RequiredStatement.RightToRevoke => "The statement that you can take back this permission in writing, and how.",
        RequiredStatement.TreatmentDoesNotDependOnSigning => "The statement that your care does not depend on signing this form.",
        RequiredStatement.MayNoLongerBeProtected => "The statement that records shared again may no longer be protected.",
        _ => throw new ArgumentOutOfRangeException(nameof(statement)),
    };

    private static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);
}
