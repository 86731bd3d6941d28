namespace SecondOpinion.Web.Domain;

/// <summary>What to say when calling an office about records that have not arrived, in short sentences.</summary>
public static class RecordsCallScript
{
    public static IReadOnlyList<string> For(RecordsRequest request, RecordsDeadline deadline)
    {
        var lines = new List<string> { "Hello. I am calling to check on a request for medical records." };
        if (request.PatientName is { } name)
        {
            lines.Add(request.PatientDateOfBirth is { } born
                ? $"The patient is {name}, born {RecordsWords.Date(born)}."
                : $"The patient is {name}.");
        }

        if (request.SentOn is { } sentOn && request.SentBy is { } sentBy)
        {
            lines.Add($"The request was sent to you {How(sentBy)} on {RecordsWords.Date(sentOn)}.");
        }

        lines.Add(request.RecipientKind == RecordsRecipient.Patient || request.RecipientName is null
            ? "It asks you to send the records to the patient."
            : $"It asks you to send the records to {request.RecipientName}.");
        if (request.Route == RecordsRoute.RightOfAccess)
        {
            lines.Add(deadline.State == RecordsDueState.Overdue
                ? "The law gives you 30 days to act on a request like this. That time has passed."
                : $"The law gives you 30 days to act on a request like this. That time ends on {RecordsWords.Date(deadline.DueOn)}.");
        }

        lines.Add("Have the records been sent? If not, when will they be sent?");
        lines.Add("May I have your name, please?");
        return lines;
    }

    private static string How(RequestSentBy sentBy) => sentBy switch
    {
        RequestSentBy.Fax => "by fax",
        RequestSentBy.Mail => "by mail",
        RequestSentBy.Email => "by email",
        RequestSentBy.PatientPortal => "through the patient portal",
        RequestSentBy.InPerson => "in person",
        _ => throw new ArgumentOutOfRangeException(nameof(sentBy)),
    };
}
