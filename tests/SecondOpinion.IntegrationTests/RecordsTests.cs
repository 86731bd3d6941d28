using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;
using UglyToad.PdfPig;
using static SecondOpinion.TestSupport.RecordsJourneys;

namespace SecondOpinion.IntegrationTests;

public class RecordsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_request_starts_with_the_patient_from_the_plan_and_the_plans_doctors_to_choose_from()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var details = await client.GetAsync($"{plan}/details", Token);
        await client.SubmitAsync(details, new Dictionary<string, string?> { ["Input.PatientDateOfBirth"] = "1948-03-15" }, cancellationToken: Token);
        var other = await app.AddDoctorAsync(plan, new Doctor { Name = "Dr. Lee", Practice = "Lakeside Clinic" }, Token);
        var chosen = await app.AddDoctorAsync(plan, new Doctor { Name = Receiver, Practice = "University Heart Center", IsSecondOpinionDoctor = true }, Token);

        var form = await client.GetAsync($"{plan}/records/new", Token);

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("New records request", form.Heading);
        Assert.Equal(PatientName, form.Value("Input_PatientName"));
        Assert.Equal("1948-03-15", form.Value("Input_PatientDateOfBirth"));
        Assert.Equal("Second opinion", form.Value("Input_Purpose"));
        var choices = form.Document.QuerySelectorAll("input[name='Input.Recipient']").Select(r => r.GetAttribute("value")).ToList();
        Assert.Equal([$"doctor-{chosen}", $"doctor-{other}", "other", "patient"], choices);
        Assert.Equal($"doctor-{chosen}", form.Document.QuerySelector("input[name='Input.Recipient']:checked")?.GetAttribute("value"));
        Assert.Contains("45 CFR 164.524", form.Text, StringComparison.Ordinal);
        Assert.Contains("45 CFR 164.508", form.Text, StringComparison.Ordinal);
        Assert.Contains("within 30 days", form.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_authorization_goes_from_draft_to_received_and_step_four_follows_it()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;

        var draft = await client.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);
        Assert.Equal("Records request", draft.Heading);
        Assert.Contains("Your records request is saved as a draft.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Everything is filled in.", draft.Text, StringComparison.Ordinal);
        var step = await client.GetAsync($"{plan}/steps/4", Token);
        Assert.Equal("In progress", step.Document.QuerySelector("main .tag--inprogress")?.TextContent);

        var ready = await client.SubmitHandlerAsync(draft, "MakeReady", cancellationToken: Token);
        Assert.Contains("It is final.", ready.Text, StringComparison.Ordinal);
        Assert.Equal("Ready to sign", ready.Document.QuerySelector(".tag--records-readytosign")?.TextContent);

        var today = Today(app);
        var signed = await client.SubmitHandlerAsync(ready, "Signed", new Dictionary<string, string?> { ["Change.On"] = IsoDate(today) }, Token);
        Assert.Contains("Marked as signed.", signed.Text, StringComparison.Ordinal);
        var sent = await client.SubmitHandlerAsync(signed, "Sent", new Dictionary<string, string?>
        {
            ["Change.On"] = IsoDate(today),
            ["Change.By"] = nameof(RequestSentBy.Mail),
        }, Token);
        Assert.Contains("Marked as sent.", sent.Text, StringComparison.Ordinal);
        Assert.Contains($"Waiting. The office has until {RecordsWords.Date(today.AddDays(30))}", sent.Text, StringComparison.Ordinal);

        var received = await client.SubmitHandlerAsync(sent, "Received", new Dictionary<string, string?> { ["Change.On"] = IsoDate(today) }, Token);
        Assert.Contains("Marked as received.", received.Text, StringComparison.Ordinal);
        var history = received.Document.QuerySelectorAll(".records-history li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, history.Count);
        Assert.Contains("Sent to the office: by mail", history[3], StringComparison.Ordinal);
        Assert.Contains("Records received", history[4], StringComparison.Ordinal);

        step = await client.GetAsync($"{plan}/steps/4", Token);
        Assert.Contains("All the records you asked for have arrived. Is this step done?", step.Text, StringComparison.Ordinal);
        var done = await client.SubmitAsync(step, new Dictionary<string, string?>(), "main form[action*='handler=StepDone']", Token);
        Assert.Contains("Step 4 is done.", done.Text, StringComparison.Ordinal);
        Assert.Equal("Done", done.Document.QuerySelector("main .tag--done")?.TextContent);
        Assert.DoesNotContain("Is this step done?", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_form_and_the_pdf_carry_every_element_and_the_patients_copy()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var values = CompleteAuthorization(app);
        values["Input.ExpiryEvent"] = "when my second opinion visit is over";
        var draft = await client.StartRecordsRequestAsync(plan, values, Token);
        var ready = await client.SubmitHandlerAsync(draft, "MakeReady", cancellationToken: Token);
        var printUrl = ready.Document.QuerySelector(".records-print-links a")!.GetAttribute("href")!;

        var print = await client.GetAsync(printUrl, Token);
        Assert.Equal(2, print.Document.QuerySelectorAll("article.records-form").Length);
        var form = print.Document.QuerySelector("article.records-form")!.TextContent;
        var expiry = $"On {RecordsWords.Date(Today(app).AddYears(1))}, or when my second opinion visit is over, whichever comes first";
        foreach (var expected in new[] { PatientName, "March 15, 1948", Holder, Receiver, "University Heart Center", "Visit notes", "All dates", "By fax",
                     "Second opinion", expiry, "45 CFR 164.508", "You can take back (revoke) this permission at any time, in writing",
                     "will not refuse to treat you", "may no longer protect them", "Signature:", "Date:", "The patient keeps a copy of this signed form." })
        {
            Assert.Contains(expected, form, StringComparison.Ordinal);
        }

        Assert.Contains("Patient's copy: keep this for your records", print.Document.QuerySelector("article.records-form--copy")!.TextContent, StringComparison.Ordinal);

        using var response = await client.Http.GetAsync($"{printUrl}?handler=Pdf", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "The PDF must not be kept in the browser's cache.");
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text));
        foreach (var expected in new[] { PatientName, Holder, Receiver, "University Heart Center", expiry,
                     "You can take back (revoke) this permission at any time, in writing.", "Patient's copy: keep this for your records" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unfinished_draft_names_each_thing_still_needed_and_cannot_be_made_final_or_printed()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;

        var draft = await client.StartRecordsRequestAsync(plan, new Dictionary<string, string?>
        {
            ["Input.Route"] = nameof(RecordsRoute.Authorization),
            ["Input.HolderName"] = Holder,
        }, Token);

        var missing = draft.Document.QuerySelectorAll(".records-missing li").Select(li => li.TextContent).ToList();
        Assert.Equal(
        [
            "The patient's date of birth.",
            "The address or fax number of the office that has the records.",
            "Who should get the records.",
            "Which records to send.",
            "Which dates the records should cover.",
            "How the records should be sent.",
            "When this permission ends: a date or an event.",
            "Who will sign the form: the patient, or someone signing for them.",
        ], missing);
        Assert.Null(draft.Document.QuerySelector("form[action*='handler=MakeReady']"));

        var forced = await client.PostAsync($"{draft.Url.AbsolutePath}?handler=MakeReady", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(draft),
            ["Change.Version"] = "0",
        }, Token);
        Assert.Contains("This request is not finished yet.", forced.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Draft", forced.Document.QuerySelector(".tag--records-draft")?.TextContent);

        var print = await client.GetAsync($"{draft.Url.AbsolutePath}/print", Token);
        Assert.Equal("Not ready to print", print.Heading);
        Assert.Empty(print.Document.QuerySelectorAll("article.records-form"));
        using var pdf = await client.Http.GetAsync($"{draft.Url.AbsolutePath}/print?handler=Pdf", Token);
        Assert.Equal("text/html", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_with_a_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var draft = await client.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);
        var ready = await client.SubmitHandlerAsync(draft, "MakeReady", cancellationToken: Token);
        var url = ready.Url.AbsolutePath;

        var sent = await client.PostAsync($"{url}?handler=Sent", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(ready),
            ["Change.On"] = IsoDate(Today(app)),
            ["Change.By"] = nameof(RequestSentBy.Fax),
            ["Change.Version"] = VersionOn(ready),
        }, Token);
        Assert.Equal("Mark the request signed before you mark it sent.", ErrorItems(sent).Single());

        var received = await client.PostAsync($"{url}?handler=Received", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(ready),
            ["Change.On"] = IsoDate(Today(app)),
            ["Change.Version"] = VersionOn(ready),
        }, Token);
        Assert.Equal("Mark the request sent before you mark the records received.", ErrorItems(received).Single());

        var again = await client.PostAsync($"{url}?handler=MakeReady", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(ready),
            ["Change.Version"] = VersionOn(ready),
        }, Token);
        Assert.Equal("This request is already final.", ErrorItems(again).Single());
        Assert.Equal("Ready to sign", again.Document.QuerySelector(".tag--records-readytosign")?.TextContent);
        Assert.Equal(2, again.Document.QuerySelectorAll(".records-history li").Length);
    }

    [Fact]
    public async Task Status_forms_check_their_dates_and_keep_what_was_typed()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var today = Today(app);
        var draft = await client.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);
        var ready = await client.SubmitHandlerAsync(draft, "MakeReady", cancellationToken: Token);

        var noDate = await client.SubmitHandlerAsync(ready, "Signed", new Dictionary<string, string?> { ["Change.On"] = "" }, Token);
        Assert.Equal("Enter the date it was signed.", noDate.FieldError("Change_On"));
        var future = await client.SubmitHandlerAsync(ready, "Signed", new Dictionary<string, string?> { ["Change.On"] = IsoDate(today.AddDays(1)) }, Token);
        Assert.Equal("The date it was signed cannot be in the future.", future.FieldError("Change_On"));
        Assert.Equal(IsoDate(today.AddDays(1)), future.Value("Change_On"));

        var signed = await client.SubmitHandlerAsync(ready, "Signed", new Dictionary<string, string?> { ["Change.On"] = IsoDate(today.AddDays(-3)) }, Token);
        var early = await client.SubmitHandlerAsync(signed, "Sent", new Dictionary<string, string?>
        {
            ["Change.On"] = IsoDate(today.AddDays(-4)),
            ["Change.By"] = nameof(RequestSentBy.Fax),
        }, Token);
        Assert.Equal($"The date it was sent cannot be before the date it was signed, {RecordsWords.Date(today.AddDays(-3))}.", early.FieldError("Change_On"));
        var noHow = await client.SubmitHandlerAsync(signed, "Sent", new Dictionary<string, string?> { ["Change.On"] = IsoDate(today) }, Token);
        Assert.Equal("Choose how you sent it.", noHow.FieldError("Change_By"));
        var badHow = await client.SubmitHandlerAsync(signed, "Sent", new Dictionary<string, string?> { ["Change.On"] = IsoDate(today), ["Change.By"] = "Pigeon" }, Token);
        Assert.NotNull(badHow.FieldError("Change_By"));
        var notADate = await client.SubmitHandlerAsync(signed, "Sent", new Dictionary<string, string?> { ["Change.On"] = "yesterday", ["Change.By"] = "Fax" }, Token);
        Assert.NotNull(notADate.FieldError("Change_On"));
        Assert.Equal("Signed", notADate.Document.QuerySelector(".tag--records-signed")?.TextContent);
    }

    [Fact]
    public async Task A_sent_request_shows_as_due_soon_then_overdue_on_the_plan_and_the_step_with_what_to_say()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var sentOn = Today(app);
        await client.SendRecordsRequestAsync(app, plan, sentOn, Token);

        await client.PassDaysAsync(app, 22, Token);
        var home = await client.GetAsync(plan, Token);
        Assert.Equal($"Plan for {PatientName}", home.Heading);
        Assert.Null(home.Document.QuerySelector("#records-reminders-heading"));

        await client.PassDaysAsync(app, 1, Token);
        home = await client.GetAsync(plan, Token);
        Assert.Contains("Due soon", home.Document.QuerySelector(".panel--warning")!.TextContent, StringComparison.Ordinal);
        Assert.True(home.Document.QuerySelector("#records-reminders-heading")!.CompareDocumentPosition(home.Document.QuerySelector("#next-heading")!)
            .HasFlag(AngleSharp.Dom.DocumentPositions.Following));

        await client.PassDaysAsync(app, 8, Token);
        home = await client.GetAsync(plan, Token);
        var reminder = home.Document.QuerySelector(".panel--warning")!.TextContent;
        Assert.Contains("Overdue", reminder, StringComparison.Ordinal);
        Assert.Contains($"The office had until {RecordsWords.Date(sentOn.AddDays(30))}", reminder, StringComparison.Ordinal);

        var step = await client.GetAsync($"{plan}/steps/4", Token);
        var tool = step.Document.QuerySelector(".records-tool")!.TextContent;
        Assert.Contains("Overdue", tool, StringComparison.Ordinal);
        Assert.Contains("What to say when you call the office", tool, StringComparison.Ordinal);
        Assert.Contains($"The patient is {PatientName}, born March 15, 1948.", tool, StringComparison.Ordinal);
        Assert.Contains("(217) 555-0100", tool, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_up_calls_are_written_down_and_checked()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var sent = await client.SendRecordsRequestAsync(app, plan, Today(app), Token);
        await client.PassDaysAsync(app, 33, Token);
        var page = await client.GetAsync(sent.Url.AbsolutePath, Token);
        Assert.Contains("Overdue. The office had until", page.Text, StringComparison.Ordinal);
        Assert.Contains("Have the records been sent? If not, when will they be sent?", page.Text, StringComparison.Ordinal);

        var empty = await client.SubmitHandlerAsync(page, "Call", new Dictionary<string, string?> { ["Call.CalledOn"] = "", ["Call.WhatWasSaid"] = " " }, Token);
        Assert.Equal("Enter the date of the call.", empty.FieldError("Call_CalledOn"));
        Assert.Equal("Write down what they said.", empty.FieldError("Call_WhatWasSaid"));
        var longNote = new string('w', 2001);
        var tooLong = await client.SubmitHandlerAsync(page, "Call", new Dictionary<string, string?>
        {
            ["Call.SpokeWith"] = new string('s', 121),
            ["Call.WhatWasSaid"] = longNote,
        }, Token);
        Assert.Equal("A name can be at most 120 characters.", tooLong.FieldError("Call_SpokeWith"));
        Assert.StartsWith("Keep this to 2000 characters or fewer.", tooLong.FieldError("Call_WhatWasSaid"), StringComparison.Ordinal);
        Assert.Equal(longNote, tooLong.Value("Call_WhatWasSaid"));
        var early = await client.SubmitHandlerAsync(page, "Call", new Dictionary<string, string?>
        {
            ["Call.CalledOn"] = IsoDate(Today(app).AddDays(-40)),
            ["Call.WhatWasSaid"] = "Too early",
        }, Token);
        Assert.StartsWith("The date of the call cannot be before the date the request was sent", early.FieldError("Call_CalledOn"), StringComparison.Ordinal);

        var saved = await client.SubmitHandlerAsync(page, "Call", new Dictionary<string, string?>
        {
            ["Call.SpokeWith"] = "Pat at the front desk",
            ["Call.WhatWasSaid"] = "They lost the fax.\nThey will send it Friday.",
        }, Token);

        Assert.Contains("Your call is written down.", saved.Text, StringComparison.Ordinal);
        var call = saved.Document.QuerySelector(".records-calls li")!;
        Assert.Contains($"{RecordsWords.Date(Today(app))}, spoke with Pat at the front desk", call.TextContent, StringComparison.Ordinal);
        Assert.Equal("They lost the fax.\nThey will send it Friday.", call.QuerySelector(".user-text")!.TextContent);
    }

    [Fact]
    public async Task A_draft_can_be_changed_but_a_final_request_cannot()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var draft = await client.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);
        var editUrl = $"{draft.Url.AbsolutePath}/edit";

        var form = await client.GetAsync(editUrl, Token);
        Assert.Equal(Holder, form.Value("Input_HolderName"));
        Assert.Equal("Fax", form.Document.QuerySelector("input[name='Input.Delivery']:checked")?.GetAttribute("value"));
        Assert.Equal("other", form.Document.QuerySelector("input[name='Input.Recipient']:checked")?.GetAttribute("value"));
        var changed = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Route"] = nameof(RecordsRoute.RightOfAccess),
            ["Input.Delivery"] = nameof(RecordsDelivery.Mail),
        }, cancellationToken: Token);
        Assert.Contains("Your changes are saved.", changed.Text, StringComparison.Ordinal);
        Assert.Contains("A request for your records (your right of access)", changed.Text, StringComparison.Ordinal);
        Assert.Contains("By mail", changed.Text, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.RecordsRequests.SingleAsync(Token));
        Assert.Null(stored.ExpiresOn);

        var ready = await client.SubmitHandlerAsync(changed, "MakeReady", cancellationToken: Token);
        var closed = await client.GetAsync(editUrl, Token);
        Assert.Null(closed.Document.QuerySelector("form[method=post] input[name='Input.HolderName']"));
        Assert.Contains("This request is final", closed.Text, StringComparison.Ordinal);
        var forced = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.HolderName"] = "Changed" }, cancellationToken: Token);
        Assert.Contains("This request is final, so it cannot be changed. Nothing was saved.", forced.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(Holder, (await app.QueryAsync(db => db.RecordsRequests.SingleAsync(Token))).HolderName);

        var reopened = await client.SubmitHandlerAsync(ready, "Reopen", cancellationToken: Token);
        Assert.Contains("It is a draft again.", reopened.Text, StringComparison.Ordinal);
        Assert.NotNull((await client.GetAsync(editUrl, Token)).Document.QuerySelector("input[name='Input.HolderName']"));
    }

    [Fact]
    public async Task Two_people_changing_the_same_draft_get_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var draft = await client.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);
        var first = await client.GetAsync($"{draft.Url.AbsolutePath}/edit", Token);
        var second = await client.GetAsync($"{draft.Url.AbsolutePath}/edit", Token);

        await client.SubmitAsync(first, new Dictionary<string, string?> { ["Input.HolderName"] = "Lakeside Clinic" }, cancellationToken: Token);
        var conflict = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Input.HolderName"] = "Hilltop Hospital" }, cancellationToken: Token);

        Assert.Contains("Someone else changed this request", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Hilltop Hospital", conflict.Value("Input_HolderName"));
        Assert.Equal("Lakeside Clinic", (await app.QueryAsync(db => db.RecordsRequests.SingleAsync(Token))).HolderName);
        var saved = await client.SubmitAsync(conflict, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Contains("Your changes are saved.", saved.Text, StringComparison.Ordinal);
        Assert.Equal("Hilltop Hospital", (await app.QueryAsync(db => db.RecordsRequests.SingleAsync(Token))).HolderName);
    }

    [Fact]
    public async Task Bad_input_is_explained_beside_each_field_kept_in_the_form_and_nothing_is_saved()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var today = Today(app);
        var values = CompleteAuthorization(app);
        values["Input.PatientName"] = new string('p', 101);
        values["Input.PatientDateOfBirth"] = IsoDate(today.AddDays(1));
        values["Input.HolderName"] = new string('h', 201);
        values["Input.HolderAddress"] = new string('a', 301);
        values["Input.HolderPhone"] = "call me";
        values["Input.HolderFax"] = new string('5', 41);
        values["Input.RecipientName"] = new string('r', 121);
        values["Input.RecipientEmail"] = "not-an-email";
        values["Input.OtherRecords"] = new string('o', 301);
        values["Input.Dates"] = nameof(RecordDates.Between);
        values["Input.DatesFrom"] = IsoDate(today.AddDays(-10));
        values["Input.DatesTo"] = IsoDate(today.AddDays(-20));
        values["Input.Purpose"] = new string('u', 301);
        values["Input.ExpiresOn"] = IsoDate(today);
        values["Input.ExpiryEvent"] = new string('e', 201);
        values["Input.RepresentativeName"] = new string('n', 121);
        values["Input.RepresentativeAuthority"] = new string('y', 201);

        var page = await client.StartRecordsRequestAsync(plan, values, Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("A name can be at most 100 characters.", page.FieldError("Input_PatientName"));
        Assert.Equal("Enter a date of birth between 1900 and today.", page.FieldError("Input_PatientDateOfBirth"));
        Assert.Equal("The office's name can be at most 200 characters.", page.FieldError("Input_HolderName"));
        Assert.Equal("An address can be at most 300 characters.", page.FieldError("Input_HolderAddress"));
        Assert.Equal("Enter a phone number using numbers, like 555-123-4567.", page.FieldError("Input_HolderPhone"));
        Assert.Equal("A fax number can be at most 40 characters.", page.FieldError("Input_HolderFax"));
        Assert.Equal("A name can be at most 120 characters.", page.FieldError("Input_RecipientName"));
        Assert.Equal("Enter an email address like name@example.com.", page.FieldError("Input_RecipientEmail"));
        Assert.Equal("Keep this to 300 characters or fewer.", page.FieldError("Input_OtherRecords"));
        Assert.Equal("The last date must be the same as the first date or after it.", page.FieldError("Input_DatesTo"));
        Assert.Equal("Keep this to 300 characters or fewer.", page.FieldError("Input_Purpose"));
        Assert.Equal("Choose an end date after today.", page.FieldError("Input_ExpiresOn"));
        Assert.Equal("Keep this to 200 characters or fewer.", page.FieldError("Input_ExpiryEvent"));
        Assert.Equal("A name can be at most 120 characters.", page.FieldError("Input_RepresentativeName"));
        Assert.Equal("Keep this to 200 characters or fewer.", page.FieldError("Input_RepresentativeAuthority"));
        Assert.Equal(15, page.Document.QuerySelectorAll(".error-summary li").Length);
        Assert.Equal("call me", page.Value("Input_HolderPhone"));
        Assert.Equal(new string('a', 301), page.Value("Input_HolderAddress"));
        Assert.Equal("VisitNotes", page.Document.QuerySelector("input[name='Input.Records']:checked")?.GetAttribute("value"));
        Assert.Equal(0, await app.QueryAsync(db => db.RecordsRequests.CountAsync(Token)));
        var step = await client.GetAsync($"{plan}/steps/4", Token);
        Assert.NotNull(step.Document.QuerySelector("main .tag--notstarted"));
    }

    [Theory]
    [InlineData("Input.Route", "", "Input_Route", "Choose how you want to ask for the records.")]
    [InlineData("Input.Route", "Telepathy", "Input_Route", null)]
    [InlineData("Input.Delivery", "Carrier pigeon", "Input_Delivery", null)]
    [InlineData("Input.Signer", "99", "Input_Signer", null)]
    [InlineData("Input.Records", "Everything", "Input_Records", null)]
    [InlineData("Input.Recipient", "the neighbour", "Input_Recipient", "Choose who should get the records.")]
    [InlineData("Input.Recipient", "doctor-x", "Input_Recipient", "Choose who should get the records.")]
    public async Task Choices_that_are_not_on_the_form_are_refused(string field, string value, string fieldId, string? message)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var values = CompleteAuthorization(app);
        values[field] = value;

        var page = await client.StartRecordsRequestAsync(plan, values, Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var error = page.FieldError(fieldId);
        Assert.NotNull(error);
        if (message is not null)
        {
            Assert.Equal(message, error);
        }

        Assert.Contains(error, page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.RecordsRequests.CountAsync(Token)));
    }

    [Fact]
    public async Task Several_kinds_of_records_and_a_date_range_are_saved()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/records/new", Token);
        var fields = CompleteAuthorization(app).Where(v => v.Key != "Input.Records").Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)).ToList();
        fields.AddRange(
        [
            new("__RequestVerificationToken", AntiforgeryToken(form)),
            new("Input.Records", nameof(RecordKinds.Images)),
            new("Input.Records", nameof(RecordKinds.PathologySlides)),
            new("Input.Records", nameof(RecordKinds.Other)),
            new("Input.OtherRecords", "Heart tests from 2023"),
            new("Input.Dates", nameof(RecordDates.Between)),
            new("Input.DatesFrom", "2024-03-01"),
        ]);
        fields.RemoveAll(f => f.Key == "Input.Dates" && f.Value == nameof(RecordDates.All));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.Http.PostAsync($"{plan}/records/new", content, Token);
        var page = await client.GetAsync(response.RequestMessage!.RequestUri!.AbsolutePath, Token);

        var records = page.Document.QuerySelectorAll("li.user-text").Select(li => li.TextContent).ToList();
        Assert.Equal(["The images themselves, on a disc or by a secure link", "Pathology slides or tissue blocks", "Other: Heart tests from 2023"], records);
        Assert.Contains("From March 1, 2024 to today", page.Text, StringComparison.Ordinal);
        var edit = await client.GetAsync($"{page.Url.AbsolutePath}/edit", Token);
        Assert.Equal(3, edit.Document.QuerySelectorAll("input[name='Input.Records']:checked").Length);
    }

    [Fact]
    public async Task Choosing_a_doctor_from_the_list_copies_their_details_and_typed_details_fill_the_gaps()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var doctor = await app.AddDoctorAsync(plan, new Doctor
        {
            Name = Receiver,
            Practice = "University Heart Center",
            Address = "400 College Avenue, Chicago",
            Fax = "312-555-0199",
            IsSecondOpinionDoctor = true,
        }, Token);
        var values = CompleteAuthorization(app);
        values["Input.Recipient"] = $"doctor-{doctor}";
        values["Input.RecipientName"] = "Someone typed";
        values["Input.RecipientPhone"] = "312-555-0123";

        var page = await client.StartRecordsRequestAsync(plan, values, Token);

        var stored = await app.QueryAsync(db => db.RecordsRequests.SingleAsync(Token));
        Assert.Equal(RecordsRecipient.Doctor, stored.RecipientKind);
        Assert.Equal(doctor, stored.RecipientDoctorId);
        Assert.Equal(Receiver, stored.RecipientName);
        Assert.Equal("University Heart Center", stored.RecipientPractice);
        Assert.Equal("312-555-0199", stored.RecipientFax);
        Assert.Equal("312-555-0123", stored.RecipientPhone);
        Assert.Contains($"From {Holder} to {Receiver}", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_from_another_plan_or_that_do_not_exist_get_not_found()
    {
        await using var app = new TestApp();
        var (other, otherPlan) = await app.SignedUpWithPlanAsync("Someone Else", cancellationToken: Token);
        var otherDoctor = await app.AddDoctorAsync(otherPlan, new Doctor { Name = "Dr. Elsewhere" }, Token);
        var otherRequest = await other.StartRecordsRequestAsync(otherPlan, CompleteAuthorization(app), Token);
        other.Dispose();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var otherId = otherRequest.Url.AbsolutePath.Split('/')[^1];

        var values = CompleteAuthorization(app);
        values["Input.Recipient"] = $"doctor-{otherDoctor}";
        var page = await client.StartRecordsRequestAsync(plan, values, Token);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);

        foreach (var path in new[] { $"/records/{otherId}", $"/records/{otherId}/edit", $"/records/{otherId}/print", "/records/99999" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(plan + path, Token)).Status);
        }

        var form = await client.GetAsync($"{plan}/records/new", Token);
        var post = await client.PostAsync($"{plan}/records/{otherId}?handler=Delete", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }, Token);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(1, await app.QueryAsync(db => db.RecordsRequests.CountAsync(Token)));
    }

    [Theory]
    [InlineData("/records", null)]
    [InlineData("/records/new", null)]
    [InlineData("/records/{id}", "MakeReady")]
    [InlineData("/records/{id}/edit", null)]
    [InlineData("/records/{id}/print", "Pdf")]
    public async Task A_stranger_gets_not_found_on_every_records_page(string page, string? handler)
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        var request = await owner.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);
        await owner.SubmitHandlerAsync(request, "MakeReady", cancellationToken: Token);
        owner.Dispose();
        using var stranger = new AppClient(app);
        await stranger.SignUpAsync(cancellationToken: Token);
        var url = plan + page.Replace("{id}", request.Url.AbsolutePath.Split('/')[^1], StringComparison.Ordinal);

        var get = await stranger.GetAsync(handler is null ? url : $"{url}?handler={handler}", Token);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.DoesNotContain("Maria", get.Html, StringComparison.Ordinal);

        var ownForm = await stranger.GetAsync("/plans/new", Token);
        var post = await stranger.PostAsync(handler is null ? url : $"{url}?handler={handler}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(ownForm),
            ["Input.Route"] = "Authorization",
            ["Change.Version"] = "1",
        }, Token);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    [Fact]
    public async Task A_viewer_can_read_and_print_requests_but_not_change_them()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        var draft = await owner.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);
        await owner.SubmitHandlerAsync(draft, "MakeReady", cancellationToken: Token);
        owner.Dispose();
        var email = Journeys.NewEmail();
        using var viewer = new AppClient(app);
        await viewer.SignUpAsync(email, Token);
        await app.AddMemberAsync(plan, email, PlanRole.Viewer, Token);
        var url = draft.Url.AbsolutePath;

        var details = await viewer.GetAsync(url, Token);
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Empty(details.Document.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{url}/print", Token)).Status);
        var list = await viewer.GetAsync($"{plan}/records", Token);
        Assert.Null(list.Document.QuerySelector($"a[href='{plan}/records/new']"));
        var step = await viewer.GetAsync($"{plan}/steps/4", Token);
        Assert.Null(step.Document.QuerySelector($"a[href='{plan}/records/new']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"{plan}/records/new", Token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"{url}/edit", Token)).Status);

        var ownForm = await viewer.GetAsync("/plans/new", Token);
        foreach (var target in new[] { $"{url}?handler=Signed", $"{url}?handler=Delete", $"{plan}/records/new", $"{plan}/records?handler=StepDone" })
        {
            var post = await viewer.PostAsync(target, new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken(ownForm),
                ["Change.On"] = IsoDate(Today(app)),
                ["Input.Route"] = "Authorization",
            }, Token);
            Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        }

        var stored = await app.QueryAsync(db => db.RecordsRequests.ToListAsync(Token));
        Assert.Equal(RecordsRequestStatus.ReadyToSign, Assert.Single(stored).Status);
    }

    [Fact]
    public async Task A_right_of_access_request_prints_the_offices_duties_instead_of_the_authorization_statements()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var values = CompleteAuthorization(app);
        values["Input.Route"] = nameof(RecordsRoute.RightOfAccess);
        values["Input.Recipient"] = "patient";
        values["Input.Delivery"] = nameof(RecordsDelivery.SecureEmail);
        values["Input.RecipientEmail"] = "maria@example.com";
        var draft = await client.StartRecordsRequestAsync(plan, values, Token);
        await client.SubmitHandlerAsync(draft, "MakeReady", cancellationToken: Token);

        var print = await client.GetAsync($"{draft.Url.AbsolutePath}/print", Token);
        var form = print.Document.QuerySelector("article.records-form")!.TextContent;

        Assert.Contains("Request for copies of health records", form, StringComparison.Ordinal);
        Assert.Contains("45 CFR 164.524", form, StringComparison.Ordinal);
        Assert.Contains("Please send the copies to me.", form, StringComparison.Ordinal);
        Assert.Contains("The law asks you to act on this request within 30 days.", form, StringComparison.Ordinal);
        Assert.Contains("maria@example.com", form, StringComparison.Ordinal);
        Assert.DoesNotContain("revoke", form, StringComparison.Ordinal);
        Assert.DoesNotContain("When this permission ends", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caregiver_signing_for_the_patient_is_named_on_the_form_with_their_authority()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var values = CompleteAuthorization(app);
        values["Input.Signer"] = nameof(RecordsSigner.Representative);
        values["Input.RepresentativeName"] = "Ana Lopez";
        var draft = await client.StartRecordsRequestAsync(plan, values, Token);
        Assert.Equal(["How that person has the right to sign for the patient, such as a power of attorney."],
            draft.Document.QuerySelectorAll(".records-missing li").Select(li => li.TextContent));

        var edit = await client.GetAsync($"{draft.Url.AbsolutePath}/edit", Token);
        var complete = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.RepresentativeAuthority"] = "Power of attorney for health care" }, cancellationToken: Token);
        await client.SubmitHandlerAsync(complete, "MakeReady", cancellationToken: Token);
        var print = await client.GetAsync($"{draft.Url.AbsolutePath}/print", Token);

        var form = print.Document.QuerySelector("article.records-form")!.TextContent;
        Assert.Contains("Ana Lopez", form, StringComparison.Ordinal);
        Assert.Contains("Power of attorney for health care", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_request_can_be_deleted_but_a_signed_one_cannot()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var draft = await client.StartRecordsRequestAsync(plan, CompleteAuthorization(app), Token);

        var list = await client.SubmitHandlerAsync(draft, "Delete", cancellationToken: Token);
        Assert.Contains("The request is deleted.", list.Text, StringComparison.Ordinal);
        Assert.Equal("Your records requests", list.Heading);
        Assert.Equal(0, await app.QueryAsync(db => db.RecordsRequests.CountAsync(Token)));

        var sent = await client.SendRecordsRequestAsync(app, plan, Today(app), Token);
        Assert.Null(sent.Document.QuerySelector("form[action*='handler=Delete']"));
        var refused = await client.PostAsync($"{sent.Url.AbsolutePath}?handler=Delete", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(sent),
        }, Token);
        Assert.Equal("A signed request cannot be deleted. Its history shows what happened.", ErrorItems(refused).Single());
        Assert.Equal(1, await app.QueryAsync(db => db.RecordsRequests.CountAsync(Token)));
    }

    [Fact]
    public async Task Step_four_is_not_marked_done_while_records_are_still_missing()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(PatientName, cancellationToken: Token);
        using var _ = client;
        var sent = await client.SendRecordsRequestAsync(app, plan, Today(app), Token);

        var step = await client.GetAsync($"{plan}/steps/4", Token);
        Assert.Null(step.Document.QuerySelector("form[action*='handler=StepDone']"));
        var forced = await client.PostAsync($"{plan}/records?handler=StepDone", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(sent),
        }, Token);

        Assert.Contains("Step 4 is not marked done, because some records have not arrived yet.", forced.Text, StringComparison.Ordinal);
        Assert.NotNull(forced.Document.QuerySelector("main .tag--inprogress"));
    }

    [Fact]
    public async Task Health_details_on_a_records_request_never_reach_the_logs()
    {
        await using var app = new TestApp(minimumLogLevel: "Verbose");
        const string marker = "Zebrafinch";
        var (client, plan) = await app.SignedUpWithPlanAsync($"Patient {marker}", cancellationToken: Token);
        using var _ = client;
        var values = CompleteAuthorization(app);
        values["Input.PatientName"] = $"Patient {marker}";
        values["Input.HolderName"] = $"Clinic {marker}";
        values["Input.OtherRecords"] = $"Biopsy {marker}";
        values["Input.Records"] = nameof(RecordKinds.Other);
        var sent = await client.SendRecordsRequestAsync(app, plan, Today(app), Token);
        await client.StartRecordsRequestAsync(plan, values, Token);
        await client.SubmitHandlerAsync(sent, "Call", new Dictionary<string, string?> { ["Call.WhatWasSaid"] = $"Spoke about {marker}" }, Token);
        using (await client.Http.GetAsync($"{sent.Url.AbsolutePath}/print?handler=Pdf", Token))
        {
        }

        Assert.Contains(app.Logs.Lines, line => line.Contains("/records", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    private static string AntiforgeryToken(HtmlPage page) =>
        page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static string VersionOn(HtmlPage page) =>
        page.Document.QuerySelector("main input[name='Change.Version']")!.GetAttribute("value")!;

    private static List<string> ErrorItems(HtmlPage page) =>
        page.Document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
}
