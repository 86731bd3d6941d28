using Microsoft.Extensions.Time.Testing;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.UnitTests;

public class RecordsRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly DateTime Now = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);

    /// <summary>An authorization with every element filled in, sent by fax to another office.</summary>
    private static RecordsRequest CompleteAuthorization()
    {
        var plan = Plan.Start("user-1", PlanFor.SomeoneIHelp, "Maria Lopez", null, Now);
        plan.PatientDateOfBirth = new DateOnly(1948, 3, 15);
        var request = RecordsRequest.Start(plan, RecordsRoute.Authorization, Today, Now);
        request.HolderName = "Valley Family Practice";
        request.HolderAddress = "12 Main Street, Springfield";
        request.RecipientKind = RecordsRecipient.OtherOffice;
        request.RecipientName = "Dr. Grace Okafor";
        request.RecipientFax = "312-555-0199";
        request.Records = RecordKinds.VisitNotes | RecordKinds.Images;
        request.Dates = RecordDates.All;
        request.Delivery = RecordsDelivery.Fax;
        request.ExpiresOn = Today.AddYears(1);
        request.Signer = RecordsSigner.Patient;
        return request;
    }

    private static IReadOnlyList<string> Missing(RecordsRequest request) => request.Missing(Today);

    private static IReadOnlyList<string> Missing(RecordsDocument document) => RecordsCompleteness.Missing(document, Today);

    [Fact]
    public void A_complete_authorization_has_nothing_missing_and_carries_the_three_required_statements()
    {
        var request = CompleteAuthorization();
        var document = RecordsDocument.From(request);

        Assert.Empty(Missing(request));
        Assert.Equal(Enum.GetValues<RequiredStatement>(), document.Statements.Select(s => s.Kind));
        Assert.Contains("in writing", document.Statements[0].Text, StringComparison.Ordinal);
        Assert.Contains("Valley Family Practice, at 12 Main Street, Springfield", document.Statements[0].Text, StringComparison.Ordinal);
        Assert.Equal(["Signature", "Date"], document.SignatureLines);
        Assert.Equal("Second opinion", request.Purpose);
    }

    public static TheoryData<string, string> MissingElements() => new()
    {
        { "patient name", "The patient's full name." },
        { "date of birth", "The patient's date of birth." },
        { "holder name", "The name of the office that has the records." },
        { "holder address and fax", "The address or fax number of the office that has the records." },
        { "recipient", "Who should get the records." },
        { "recipient name", "The name of the doctor or office that should get the records." },
        { "records", "Which records to send." },
        { "other records text", "A few words about the other records you want." },
        { "dates", "Which dates the records should cover." },
        { "first date", "The first date of the records you want." },
        { "delivery", "How the records should be sent." },
        { "fax number", "The fax number to send the records to." },
        { "mailing address", "The mailing address to send the records to." },
        { "email address", "The email address to send the records to." },
        { "purpose", "Why the records are being shared, such as for a second opinion." },
        { "expiry", "When this permission ends: a date or an event." },
        { "expiry in the past", "An end date for this permission that is after today." },
        { "signer", "Who will sign the form: the patient, or someone signing for them." },
        { "representative name", "The name of the person signing for the patient." },
        { "representative authority", "How that person has the right to sign for the patient, such as a power of attorney." },
    };

    [Theory]
    [MemberData(nameof(MissingElements))]
    public void Each_missing_element_of_an_authorization_is_named(string element, string expected)
    {
        var request = CompleteAuthorization();
        Action<RecordsRequest> remove = element switch
        {
            "patient name" => r => r.PatientName = null,
            "date of birth" => r => r.PatientDateOfBirth = null,
            "holder name" => r => r.HolderName = " ",
            "holder address and fax" => r => r.HolderAddress = null,
            "recipient" => r => r.RecipientKind = null,
            "recipient name" => r => r.RecipientName = null,
            "records" => r => r.Records = RecordKinds.None,
            "other records text" => r => r.Records |= RecordKinds.Other,
            "dates" => r => r.Dates = null,
            "first date" => r => r.Dates = RecordDates.Between,
            "delivery" => r => r.Delivery = null,
            "fax number" => r => r.RecipientFax = null,
            "mailing address" => r => r.Delivery = RecordsDelivery.Mail,
            "email address" => r => r.Delivery = RecordsDelivery.SecureEmail,
            "purpose" => r => r.Purpose = null,
            "expiry" => r => r.ExpiresOn = null,
            "expiry in the past" => r => r.ExpiresOn = Today,
            "signer" => r => r.Signer = null,
            "representative name" => r => { r.Signer = RecordsSigner.Representative; r.RepresentativeAuthority = "Power of attorney"; },
            "representative authority" => r => { r.Signer = RecordsSigner.Representative; r.RepresentativeName = "Ana Lopez"; },
            _ => throw new ArgumentOutOfRangeException(nameof(element)),
        };

        remove(request);

        Assert.Equal([expected], Missing(request));
    }

    public static TheoryData<RequiredStatement> Statements() => new(Enum.GetValues<RequiredStatement>());

    [Theory]
    [MemberData(nameof(Statements))]
    public void A_document_without_a_required_statement_is_refused_and_the_statement_named(RequiredStatement statement)
    {
        var document = RecordsDocument.From(CompleteAuthorization());
        var without = document with { Statements = document.Statements.Where(s => s.Kind != statement).ToList() };
        var blank = document with { Statements = document.Statements.Select(s => s.Kind == statement ? s with { Text = " " } : s).ToList() };

        Assert.Equal([RecordsCompleteness.Describe(statement)], Missing(without));
        Assert.Equal([RecordsCompleteness.Describe(statement)], Missing(blank));
    }

    [Fact]
    public void A_document_without_its_signature_date_or_patient_copy_lines_is_refused()
    {
        var document = RecordsDocument.From(CompleteAuthorization());

        Assert.Equal(["A line for the signature."], Missing(document with { SignatureLines = ["Date"] }));
        Assert.Equal(["A line for the date it is signed."], Missing(document with { SignatureLines = ["Signature"] }));
        Assert.Equal(["A note that the patient keeps a copy of the signed form."], Missing(document with { PatientCopyNote = null }));
    }

    [Fact]
    public void An_empty_request_names_everything_still_needed_in_the_order_of_the_form()
    {
        var request = new RecordsRequest { Route = RecordsRoute.Authorization };

        var missing = Missing(request);

        Assert.Equal("The patient's full name.", missing[0]);
        Assert.Equal("Who will sign the form: the patient, or someone signing for them.", missing[^1]);
        Assert.Equal(11, missing.Count);
    }

    [Fact]
    public void A_right_of_access_request_needs_no_purpose_expiry_or_authorization_statements_but_tells_the_office_its_duties()
    {
        var request = CompleteAuthorization();
        request.Route = RecordsRoute.RightOfAccess;
        request.Purpose = null;
        request.ExpiresOn = null;

        var document = RecordsDocument.From(request);

        Assert.Empty(Missing(request));
        Assert.Empty(document.Statements);
        Assert.Contains("within 30 days", document.OfficeDuties[0], StringComparison.Ordinal);
        Assert.Contains("30 more days one time only", document.OfficeDuties[0], StringComparison.Ordinal);
        Assert.Contains("reasonable fee, based on your cost", document.OfficeDuties[1], StringComparison.Ordinal);
        Assert.Contains("45 CFR 164.524", document.LegalBasis, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Sections(), s => s.Heading == "When this permission ends");
    }

    [Fact]
    public void The_patients_own_copy_goes_to_the_patients_name_and_needs_no_other_name()
    {
        var request = CompleteAuthorization();
        request.RecipientKind = RecordsRecipient.Patient;
        request.RecipientName = null;
        request.Delivery = RecordsDelivery.PickUp;

        var document = RecordsDocument.From(request);

        Assert.Empty(Missing(request));
        Assert.Equal("Maria Lopez", document.Receiver!.Name);
    }

    [Fact]
    public void A_representative_is_printed_with_their_authority()
    {
        var request = CompleteAuthorization();
        request.Signer = RecordsSigner.Representative;
        request.RepresentativeName = "Ana Lopez";
        request.RepresentativeAuthority = "Power of attorney for health care";

        var rows = RecordsDocument.From(request).SignerRows();

        Assert.Equal(["Ana Lopez"], rows.Single(r => r.Label == "Name of the person signing for the patient").Lines);
        Assert.Equal(["Power of attorney for health care"], rows.Single(r => r.Label == "Their authority to sign for the patient").Lines);
    }

    [Fact]
    public void The_form_lists_the_records_dates_and_expiry_in_plain_words()
    {
        var request = CompleteAuthorization();
        request.Records = RecordKinds.PathologySlides | RecordKinds.Other;
        request.OtherRecords = "Heart tests from 2023";
        request.Dates = RecordDates.Between;
        request.DatesFrom = new DateOnly(2024, 3, 1);
        request.ExpiryEvent = "when my second opinion visit is over";

        var document = RecordsDocument.From(request);

        Assert.Equal(["Pathology slides or tissue blocks", "Other: Heart tests from 2023"], document.RecordLines());
        Assert.Equal("From March 1, 2024 to today", document.DatesText());
        Assert.Equal("On November 2, 2027, or when my second opinion visit is over, whichever comes first", document.ExpiryText());
    }

    [Fact]
    public void A_request_moves_through_its_statuses_in_order_and_keeps_the_dates_in_its_history()
    {
        var request = CompleteAuthorization();

        Assert.Null(request.MakeReady(Today, Now));
        Assert.Null(request.MarkSigned(Today.AddDays(1), Today.AddDays(1), Now));
        Assert.Null(request.MarkSent(Today.AddDays(2), RequestSentBy.Fax, Today.AddDays(2), Now));
        Assert.Null(request.MarkReceived(Today.AddDays(9), Today.AddDays(9), Now));

        Assert.Equal(RecordsRequestStatus.Received, request.Status);
        Assert.Equal(
            [RecordsRequestStatus.Draft, RecordsRequestStatus.ReadyToSign, RecordsRequestStatus.Signed, RecordsRequestStatus.Sent, RecordsRequestStatus.Received],
            request.History.Select(h => h.Status));
        Assert.Equal([Today, Today, Today.AddDays(1), Today.AddDays(2), Today.AddDays(9)], request.History.Select(h => h.On));
        Assert.Equal(RequestSentBy.Fax, request.History[3].SentBy);
        Assert.Equal(Today.AddDays(2), request.SentOn);
        Assert.Equal(Today.AddDays(9), request.ReceivedOn);
    }

    [Fact]
    public void An_incomplete_draft_cannot_be_made_final()
    {
        var request = CompleteAuthorization();
        request.HolderName = null;

        var refusal = request.MakeReady(Today, Now);

        Assert.NotNull(refusal);
        Assert.StartsWith("This request is not finished yet.", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RecordsRequestStatus.Draft, request.Status);
        Assert.Single(request.History);
    }

    [Fact]
    public void Each_wrong_step_is_refused_with_a_message_and_changes_nothing()
    {
        var draft = CompleteAuthorization();
        Assert.Equal("Make the request final and print it before you mark it signed.", draft.MarkSigned(Today, Today, Now)?.Message);
        Assert.Equal("Mark the request signed before you mark it sent.", draft.MarkSent(Today, RequestSentBy.Fax, Today, Now)?.Message);
        Assert.Equal("Mark the request sent before you mark the records received.", draft.MarkReceived(Today, Today, Now)?.Message);
        Assert.Equal("This request is already a draft. You can change it.", draft.ReopenDraft(Today, Now)?.Message);
        Assert.Equal("You can write down calls to the office once the request is sent.", draft.LogCall(Today, null, "Hi", Today, Now)?.Message);
        Assert.Equal(RecordsRequestStatus.Draft, draft.Status);
        Assert.Single(draft.History);

        var signed = CompleteAuthorization();
        signed.MakeReady(Today, Now);
        signed.MarkSigned(Today, Today, Now);
        Assert.Equal("This request is already final.", signed.MakeReady(Today, Now)?.Message);
        Assert.Equal("This request is already marked signed.", signed.MarkSigned(Today, Today, Now)?.Message);
        Assert.Equal("A signed request cannot be changed. If something on it is wrong, start a new request.", signed.ReopenDraft(Today, Now)?.Message);
        Assert.False(signed.CanChangeDetails);
        Assert.False(signed.CanDelete);

        signed.MarkSent(Today, RequestSentBy.Mail, Today, Now);
        signed.MarkReceived(Today, Today, Now);
        Assert.Equal("This request is already marked sent.", signed.MarkSent(Today, RequestSentBy.Fax, Today, Now)?.Message);
        Assert.Equal("The records are already marked received.", signed.MarkReceived(Today, Today, Now)?.Message);
        Assert.Equal("The records have arrived, so there are no more calls to write down.", signed.LogCall(Today, null, "Hi", Today, Now)?.Message);
        Assert.Equal(5, signed.History.Count);
    }

    [Fact]
    public void A_final_request_that_is_not_signed_can_go_back_to_a_draft_to_be_changed()
    {
        var request = CompleteAuthorization();
        request.MakeReady(Today, Now);
        Assert.False(request.CanChangeDetails);
        Assert.True(request.CanDelete);

        Assert.Null(request.ReopenDraft(Today, Now));

        Assert.True(request.CanChangeDetails);
        Assert.Equal(RecordsRequestStatus.Draft, request.History[^1].Status);
    }

    [Fact]
    public void Dates_in_the_future_or_before_the_step_before_are_refused_as_date_problems()
    {
        var request = CompleteAuthorization();
        request.MakeReady(Today, Now);

        Assert.Equal(new RecordsRefusal("The date it was signed cannot be in the future.", AboutTheDate: true), request.MarkSigned(Today.AddDays(1), Today, Now));
        request.MarkSigned(Today, Today, Now);
        Assert.Equal(new RecordsRefusal("The date it was sent cannot be before the date it was signed, November 2, 2026.", AboutTheDate: true),
            request.MarkSent(Today.AddDays(-1), RequestSentBy.Fax, Today, Now));
        Assert.True(request.MarkSent(Today.AddDays(1), RequestSentBy.Fax, Today, Now)?.AboutTheDate);
        request.MarkSent(Today, RequestSentBy.Fax, Today, Now);
        Assert.True(request.LogCall(Today.AddDays(-1), null, "Hi", Today, Now)?.AboutTheDate);
        Assert.True(request.LogCall(Today.AddDays(1), null, "Hi", Today, Now)?.AboutTheDate);
        Assert.Equal("The date the records arrived cannot be before the date the request was sent, November 2, 2026.",
            request.MarkReceived(Today.AddDays(-1), Today, Now)?.Message);
        Assert.True(request.MarkReceived(Today.AddDays(1), Today, Now)?.AboutTheDate);
        Assert.Equal(RecordsRequestStatus.Sent, request.Status);
        Assert.Empty(request.Calls);
    }

    [Fact]
    public void Calls_are_written_down_while_a_request_is_sent()
    {
        var request = CompleteAuthorization();
        request.MakeReady(Today, Now);
        request.MarkSigned(Today, Today, Now);
        request.MarkSent(Today, RequestSentBy.Fax, Today, Now);

        Assert.Null(request.LogCall(Today.AddDays(31), "Pat at the front desk", "They will fax it Friday.", Today.AddDays(31), Now));

        var call = Assert.Single(request.Calls);
        Assert.Equal("Pat at the front desk", call.SpokeWith);
        Assert.Equal(Today.AddDays(31), call.CalledOn);
    }

    [Theory]
    [InlineData(0, 30, RecordsDueState.Waiting)]
    [InlineData(22, 8, RecordsDueState.Waiting)]
    [InlineData(23, 7, RecordsDueState.DueSoon)]
    [InlineData(30, 0, RecordsDueState.DueSoon)]
    [InlineData(31, -1, RecordsDueState.Overdue)]
    [InlineData(90, -60, RecordsDueState.Overdue)]
    public void A_sent_request_is_due_soon_in_its_last_week_and_overdue_after_thirty_days(int daysSinceSent, int daysLeft, RecordsDueState state)
    {
        var deadline = RecordsDeadline.From(Today, Today.AddDays(daysSinceSent));

        Assert.Equal(Today.AddDays(30), deadline.DueOn);
        Assert.Equal(daysLeft, deadline.DaysLeft);
        Assert.Equal(state, deadline.State);
    }

    [Fact]
    public void Only_a_sent_request_has_a_deadline_and_receiving_the_records_ends_it()
    {
        var request = CompleteAuthorization();
        Assert.Null(request.DeadlineOn(Today));
        request.MakeReady(Today, Now);
        request.MarkSigned(Today, Today, Now);
        request.MarkSent(Today, RequestSentBy.Fax, Today, Now);
        Assert.Equal(RecordsDueState.Overdue, request.DeadlineOn(Today.AddDays(31))?.State);

        request.MarkReceived(Today.AddDays(31), Today.AddDays(31), Now);

        Assert.Null(request.DeadlineOn(Today.AddDays(31)));
    }

    [Fact]
    public void Today_is_the_date_where_the_plans_people_live()
    {
        // 03:30 UTC on November 3 is still the evening of November 2 in Chicago.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 3, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 2), clock.Today("America/Chicago"));
        Assert.Equal(new DateOnly(2026, 11, 3), clock.Today("Pacific/Guam"));
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(new DateOnly(2026, 11, 3), clock.Today("America/Chicago"));
    }

    [Fact]
    public void Step_four_looks_done_only_when_there_are_requests_and_every_one_is_received()
    {
        var received = CompleteAuthorization();
        received.MakeReady(Today, Now);
        received.MarkSigned(Today, Today, Now);
        received.MarkSent(Today, RequestSentBy.Fax, Today, Now);
        received.MarkReceived(Today, Today, Now);

        Assert.False(RecordsRequest.AllReceived([]));
        Assert.True(RecordsRequest.AllReceived([received]));
        Assert.False(RecordsRequest.AllReceived([received, CompleteAuthorization()]));
    }

    [Fact]
    public void The_call_script_names_the_patient_the_date_and_for_a_right_of_access_request_the_thirty_days()
    {
        var request = CompleteAuthorization();
        request.Route = RecordsRoute.RightOfAccess;
        request.MakeReady(Today, Now);
        request.MarkSigned(Today, Today, Now);
        request.MarkSent(Today, RequestSentBy.Fax, Today, Now);

        var overdue = RecordsCallScript.For(request, request.DeadlineOn(Today.AddDays(35))!);
        var dueSoon = RecordsCallScript.For(request, request.DeadlineOn(Today.AddDays(25))!);

        Assert.Contains("The patient is Maria Lopez, born March 15, 1948.", overdue);
        Assert.Contains("The request was sent to you by fax on November 2, 2026.", overdue);
        Assert.Contains("It asks you to send the records to Dr. Grace Okafor.", overdue);
        Assert.Contains("The law gives you 30 days to act on a request like this. That time has passed.", overdue);
        Assert.Contains("The law gives you 30 days to act on a request like this. That time ends on December 2, 2026.", dueSoon);
    }

    [Fact]
    public void The_ways_of_asking_and_the_call_script_read_at_grade_eight_or_below()
    {
        var request = CompleteAuthorization();
        request.MakeReady(Today, Now);
        request.MarkSigned(Today, Today, Now);
        request.MarkSent(Today, RequestSentBy.Fax, Today, Now);
        var texts = Enum.GetValues<RecordsRoute>().Select(route => string.Join(" ", route.Explanation()))
            .Append(string.Join(" ", RecordsCallScript.For(request, request.DeadlineOn(Today.AddDays(40))!)))
            .Append(string.Join(" ", RecordsDocument.From(request).Statements.Select(s => s.Text)));

        Assert.All(texts, text =>
        {
            var grade = ReadingLevel.FleschKincaidGrade(text);
            Assert.True(grade <= 8.0, $"Reads at grade {grade:0.0}: {text}");
        });
    }
}
