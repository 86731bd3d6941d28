using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class ClinicTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clinics_add_makes_the_clinic_and_emails_its_first_staff_member_an_invite()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();

        var (exitCode, output) = await app.RunCommandAsync("clinics", "add", "  Riverside Heart Clinic ", email);
        var (listCode, list) = await app.RunCommandAsync("clinics", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains("Made the clinic \"Riverside Heart Clinic\"", output, StringComparison.Ordinal);
        Assert.Contains($"Emailed an invite to {email}", output, StringComparison.Ordinal);
        var clinic = await app.QueryAsync(db => db.Clinics.SingleAsync(Token));
        Assert.Equal("Riverside Heart Clinic", clinic.Name);
        var invite = await app.QueryAsync(db => db.ClinicStaffInvites.SingleAsync(Token));
        Assert.Equal(clinic.Id, invite.ClinicId);
        Assert.Equal(email, invite.Email);
        var message = app.Emails().Single();
        Assert.Equal(email, message.To.ToString());
        Assert.StartsWith("http://localhost/clinics/join/", app.JoinLinkFor(email), StringComparison.Ordinal);
        Assert.Contains("Riverside Heart Clinic", message.Subject, StringComparison.Ordinal);
        Assert.Equal(0, listCode);
        Assert.Contains($"{clinic.Id}  Riverside Heart Clinic  staff: 0  start links: 0", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ana@example.com", "Clinic name: Write the clinic's name.")]
    [InlineData("   ", "ana@example.com", "Clinic name: Write the clinic's name.")]
    [InlineData("Bad\0Clinic", "ana@example.com", "Clinic name: Use letters, numbers, spaces and punctuation only.")]
    [InlineData("Riverside", "", "Email: Enter the email address")]
    [InlineData("Riverside", "not an email", "Email: Enter an email address like name@example.com.")]
    [InlineData("Riverside", "ana@exam\0ple.com", "Email: Enter an email address like name@example.com.")]
    public async Task Clinics_add_refuses_bad_input_and_makes_nothing(string name, string email, string message)
    {
        await using var app = new TestApp();

        var (exitCode, output) = await app.RunCommandAsync("clinics", "add", name, email);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Clinics.CountAsync(Token)));
        Assert.Empty(app.Emails());
    }

    [Fact]
    public async Task Clinics_add_refuses_a_name_that_is_too_long_or_taken_and_shows_usage_for_a_wrong_command()
    {
        await using var app = new TestApp();

        var (tooLong, tooLongOutput) = await app.RunCommandAsync("clinics", "add", new string('a', Clinic.NameMaxLength + 1), Journeys.NewEmail());
        await app.RunCommandAsync("clinics", "add", "Riverside", Journeys.NewEmail());
        var (taken, takenOutput) = await app.RunCommandAsync("clinics", "add", "RIVERSIDE", Journeys.NewEmail());
        var (wrong, usage) = await app.RunCommandAsync("clinics", "add", "Only a name");

        Assert.Equal(1, tooLong);
        Assert.Contains($"at most {Clinic.NameMaxLength} characters", tooLongOutput, StringComparison.Ordinal);
        Assert.Equal(1, taken);
        Assert.Contains("already exists", takenOutput, StringComparison.Ordinal);
        Assert.Equal(2, wrong);
        Assert.Contains("clinics add \"<clinic name>\" <email>", usage, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Clinics.CountAsync(Token)));
    }

    [Fact]
    public async Task Staff_member_signs_up_through_the_invite_link_and_reaches_the_clinic()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        await app.RunCommandAsync("clinics", "add", ClinicJourneys.ClinicName, email);
        var link = new Uri(app.JoinLinkFor(email)).AbsolutePath;
        using var person = new AppClient(app);

        var signInFirst = await person.GetAsync(link, Token);
        var register = await person.GetAsync(signInFirst.Document.QuerySelector("main a[href^='/account/register']")!.GetAttribute("href")!, Token);
        await person.SubmitAsync(register, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Journeys.Password,
            ["Input.ConfirmPassword"] = Journeys.Password,
        }, cancellationToken: Token);
        var back = await person.ConfirmEmailAsync(app.LinkInNewestEmailTo(email, "/account/confirm-email"), Token);
        var home = await person.SubmitAsync(back, new Dictionary<string, string?>(), cancellationToken: Token);
        var again = await person.GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.OK, signInFirst.Status);
        Assert.DoesNotContain(ClinicJourneys.ClinicName, signInFirst.Text, StringComparison.Ordinal);
        Assert.Equal(link, back.Url.AbsolutePath);
        Assert.Contains(ClinicJourneys.ClinicName, back.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(ClinicJourneys.ClinicName, home.Heading);
        Assert.Contains("You joined the staff of Riverside Heart Clinic.", home.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        var clinics = await person.GetAsync("/clinics", Token);
        Assert.Contains(clinics.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == home.Url.AbsolutePath);
        Assert.Contains((await person.GetAsync("/plans", Token)).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/clinics");
        Assert.Contains("You accepted an invite to a plan or a clinic.", (await person.GetAsync("/account", Token)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_invite_opened_by_another_account_expired_or_cancelled_is_refused()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var invited = Journeys.NewEmail();
        var staffPage = await staff.GetAsync($"{clinic}/staff", Token);
        await staff.SubmitAsync(staffPage, new Dictionary<string, string?> { ["Input.Email"] = invited }, "form#invite-form", Token);
        var link = app.JoinLinkFor(invited);
        using var other = new AppClient(app);
        await other.SignUpAsync(cancellationToken: Token);

        var wrongAccount = await other.JoinAsync(link, Token);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var late = new AppClient(app);
        await late.SignUpAsync(invited, Token);
        var expired = await late.JoinAsync(link, Token);

        Assert.Equal(HttpStatusCode.Forbidden, wrongAccount.Status);
        Assert.Equal("This invite is for someone else", wrongAccount.Heading);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(clinic, Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await late.GetAsync(clinic, Token)).Status);
        Assert.Equal(1, await app.QueryAsync(db => db.ClinicStaff.CountAsync(Token)));
    }

    [Fact]
    public async Task Staff_invite_and_remove_staff_but_cannot_remove_the_last_one()
    {
        await using var app = new TestApp();
        var (first, clinic) = await app.ClinicWithStaffAsync();
        using var _ = first;
        var secondEmail = Journeys.NewEmail();
        var cancelLater = Journeys.NewEmail();
        var staffPage = await first.GetAsync($"{clinic}/staff", Token);
        var toCancel = await first.SubmitAsync(staffPage, new Dictionary<string, string?> { ["Input.Email"] = cancelLater }, "form#invite-form", Token);
        var cancelled = await first.SubmitAsync(toCancel, new Dictionary<string, string?>(), "main form[action*='handler=Cancel']", Token);
        var invited = await first.SubmitAsync(cancelled, new Dictionary<string, string?> { ["Input.Email"] = secondEmail }, "form#invite-form", Token);
        using var second = new AppClient(app);
        await second.SignUpAsync(secondEmail, Token);
        var joined = await second.JoinAsync(app.JoinLinkFor(secondEmail), Token);

        Assert.Contains($"We sent an invite to {secondEmail}", invited.Text, StringComparison.Ordinal);
        Assert.Contains($"The invite to {cancelLater} is cancelled", cancelled.Text, StringComparison.Ordinal);
        Assert.Equal(clinic, joined.Url.AbsolutePath);
        using var tooLate = new AppClient(app);
        await tooLate.SignUpAsync(cancelLater, Token);
        Assert.Equal(HttpStatusCode.Gone, (await tooLate.JoinAsync(app.JoinLinkFor(cancelLater), Token)).Status);

        var list = await first.GetAsync($"{clinic}/staff", Token);
        Assert.Contains(secondEmail, list.Text, StringComparison.Ordinal);
        var secondId = await app.QueryAsync(db => db.ClinicStaff.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == secondEmail)).Select(s => s.Id).SingleAsync(Token));
        var removed = await first.SubmitAsync(list, new Dictionary<string, string?> { ["staffId"] = secondId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "main form[action*='handler=Remove']", Token);
        Assert.Contains("They are no longer on the staff", removed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync(clinic, Token)).Status);

        var last = await first.SubmitAsync(removed, new Dictionary<string, string?>(), "main form[action*='handler=Remove']", Token);
        Assert.Equal(HttpStatusCode.OK, last.Status);
        Assert.Contains("the last one cannot be removed", last.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(clinic, Token)).Status);
    }

    [Fact]
    public async Task Strangers_patients_and_staff_of_another_clinic_get_404_on_every_clinic_page()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        await staff.NewStartLinkAsync(clinic, cancellationToken: Token);
        var (otherStaff, _) = await app.ClinicWithStaffAsync("Lakeside Cancer Center");
        using var __ = otherStaff;
        var (stranger, ___) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var ____ = stranger;
        var clinicId = ClinicJourneys.ClinicId(clinic);
        var clinicPages = Endpoints.Pages(app).Where(r => r.Template.Contains("{clinicId", StringComparison.Ordinal)).ToList();
        var failures = new List<string>();

        foreach (var (caller, client) in new[] { ("stranger", stranger), ("other clinic's staff", otherStaff) })
        {
            var antiforgery = await client.AntiforgeryTokenAsync(Token);
            foreach (var route in clinicPages)
            {
                var path = Endpoints.PathFor(route.Template, Guid.Empty, clinicId);
                foreach (var (method, name) in route.Handlers)
                {
                    var url = name is null ? path : $"{path}?handler={name}";
                    var status = method == "GET"
                        ? (await client.GetAsync(url, Token)).Status
                        : (await client.PostAsync(url, new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }, Token)).Status;
                    if (status != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{caller}: {method} {url} answered {(int)status}");
                    }
                }
            }
        }

        // A shared packet's page needs a packet shared first; A_packet_shared_with_the_clinic_... opens one.
        foreach (var route in clinicPages.Where(r => !r.Template.Contains("{packetId", StringComparison.Ordinal)))
        {
            var status = (await staff.GetAsync(Endpoints.PathFor(route.Template, Guid.Empty, clinicId), Token)).Status;
            if (status != HttpStatusCode.OK)
            {
                failures.Add($"staff: GET {route.Template} answered {(int)status}");
            }
        }

        Assert.Equal(6, clinicPages.Count);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Start_link_makes_a_plan_with_the_clinic_as_the_picked_doctor_and_the_records_receiver()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var details = await staff.GetAsync(clinic, Token);
        await staff.SubmitAsync(details, new Dictionary<string, string?>
        {
            ["Input.Phone"] = "555-201-3000",
            ["Input.RecordsAddress"] = "Medical Records, 12 River Road\nSpringfield, IL 62701",
            ["Input.RecordsFax"] = "555-201-3099",
        }, cancellationToken: Token);
        var start = ClinicJourneys.StartPathOn(await staff.NewStartLinkAsync(clinic, cancellationToken: Token));
        using var patient = new AppClient(app);

        var anonymous = await patient.GetAsync(start, Token);
        var register = await patient.GetAsync(anonymous.Document.QuerySelector("main a[href^='/account/register']")!.GetAttribute("href")!, Token);
        var patientEmail = Journeys.NewEmail();
        await patient.SubmitAsync(register, new Dictionary<string, string?>
        {
            ["Input.Email"] = patientEmail,
            ["Input.Password"] = Journeys.Password,
            ["Input.ConfirmPassword"] = Journeys.Password,
        }, cancellationToken: Token);
        var back = await patient.ConfirmEmailAsync(app.LinkInNewestEmailTo(patientEmail, "/account/confirm-email"), Token);
        var home = await patient.SubmitAsync(back, new Dictionary<string, string?>
        {
            ["Input.For"] = "SomeoneIHelp",
            ["Input.PatientName"] = "Rosa Diaz",
            ["Input.About"] = "Her doctor says she needs heart surgery.",
        }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        Assert.Equal("Start your plan with Riverside Heart Clinic", anonymous.Heading);
        Assert.Equal(start, back.Url.AbsolutePath);
        Assert.NotNull(back.Document.QuerySelector("main form[method=post] button[type=submit]"));
        Assert.Equal("Plan for Rosa Diaz", home.Heading);
        Assert.Contains("Started from Riverside Heart Clinic.", home.Text, StringComparison.Ordinal);
        var plan = Journeys.PlanPath(home.Url);
        var doctor = await app.QueryAsync(db => db.Doctors.SingleAsync(d => d.PlanId == TestData.PlanId(plan), Token));
        Assert.True(doctor.IsSecondOpinionDoctor);
        Assert.Equal(ClinicJourneys.ClinicName, doctor.Name);
        Assert.Equal("555-201-3000", doctor.Phone);
        Assert.Equal("555-201-3099", doctor.Fax);
        var members = await app.QueryAsync(db => db.PlanMembers.Where(m => m.PlanId == TestData.PlanId(plan)).CountAsync(Token));
        Assert.Equal(1, members);

        var recordsForm = await patient.GetAsync($"{plan}/records/new", Token);
        Assert.Equal($"doctor-{doctor.Id}", recordsForm.Value("Input_Recipient"));
        var request = await patient.StartRecordsRequestAsync(plan, new Dictionary<string, string?> { ["Input.Route"] = "RightOfAccess" }, Token);
        Assert.Equal(HttpStatusCode.OK, request.Status);
        var saved = await app.QueryAsync(db => db.RecordsRequests.SingleAsync(r => r.PlanId == TestData.PlanId(plan), Token));
        Assert.Equal(doctor.Id, saved.RecipientDoctorId);
        Assert.Equal("555-201-3099", saved.RecipientFax);
        Assert.Equal("Medical Records, 12 River Road\nSpringfield, IL 62701", saved.RecipientAddress);
    }

    [Fact]
    public async Task Counts_show_plans_and_steps_reached_per_link_and_hide_1_or_2()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var front = ClinicJourneys.StartPathOn(await staff.NewStartLinkAsync(clinic, "Front desk", Token));
        var unused = ClinicJourneys.StartPathOn(await staff.NewStartLinkAsync(clinic, "Waiting room", Token));
        var patients = new List<(AppClient Client, string Plan)>();

        patients.Add(await app.PatientFromLinkAsync(front, "Rosa Diaz"));
        await StartStepAsync(patients[0], 1, "InProgress");
        var withOne = await CountsAsync(staff, clinic, "Front desk");
        patients.Add(await app.PatientFromLinkAsync(front));
        patients.Add(await app.PatientFromLinkAsync(front));
        await StartStepAsync(patients[1], 1, "Done");
        await StartStepAsync(patients[2], 1, "InProgress");
        await StartStepAsync(patients[2], 2, "InProgress");
        var page = await staff.GetAsync($"{clinic}/start-links", Token);
        var withThree = Counts(page, "Front desk");
        var none = Counts(page, "Waiting room");

        Assert.Equal("fewer than 3", withOne["Plans started"]);
        Assert.Equal("fewer than 3", withOne["Got to step 1: Ask your doctor for a name"]);
        Assert.Equal("0", withOne["Got to step 2: Ask someone you trust"]);
        Assert.Equal("3", withThree["Plans started"]);
        Assert.Equal("3", withThree["Got to step 1: Ask your doctor for a name"]);
        Assert.Equal("fewer than 3", withThree["Got to step 2: Ask someone you trust"]);
        Assert.Equal("0", withThree["Got to step 3: Check with your insurance"]);
        Assert.All(none.Values, count => Assert.Equal("0", count));
        Assert.Contains("A number that small could tell you who the patient is.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rosa", page.Html, StringComparison.Ordinal);
        var patientEmails = await app.QueryAsync(db => db.Users.Where(u => !db.ClinicStaff.Any(s => s.UserId == u.Id)).Select(u => u.Email!).ToListAsync(Token));
        Assert.Equal(3, patientEmails.Count);
        Assert.All(patientEmails, email => Assert.DoesNotContain(email, page.Html, StringComparison.OrdinalIgnoreCase));
        Assert.All(patients, p => Assert.DoesNotContain(TestData.PlanId(p.Plan).ToString(), page.Html, StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(front, unused);
        patients.ForEach(p => p.Client.Dispose());
    }

    [Fact]
    public async Task Retired_link_answers_410_and_an_unknown_one_404_both_calmly()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var start = ClinicJourneys.StartPathOn(await staff.NewStartLinkAsync(clinic, cancellationToken: Token));
        var (patient, __) = await app.PatientFromLinkAsync(start);
        using var ___ = patient;
        var links = await staff.GetAsync($"{clinic}/start-links", Token);
        var retired = await staff.SubmitAsync(links, new Dictionary<string, string?>(), "main form[action*='handler=Retire']", Token);

        var gone = await patient.GetAsync(start, Token);
        var goneAnonymous = await new AppClient(app).GetAsync(start, Token);
        var post = await patient.PostAsync(start, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await patient.AntiforgeryTokenAsync(Token),
            ["Input.For"] = "Myself",
        }, Token);
        var unknown = await patient.GetAsync($"/start/{new string('A', 43)}", Token);
        var malformed = await patient.GetAsync("/start/nope", Token);

        Assert.Contains("is retired", retired.Text, StringComparison.Ordinal);
        Assert.Contains("This link no longer starts plans.", retired.Document.QuerySelector("main li.panel")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Equal("This link no longer works", gone.Heading);
        Assert.Null(gone.Document.QuerySelector("main form[method=post]"));
        Assert.Equal(HttpStatusCode.Gone, goneAnonymous.Status);
        Assert.Equal(HttpStatusCode.Gone, post.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("This link does not work", unknown.Heading);
        Assert.Equal(HttpStatusCode.NotFound, malformed.Status);
        Assert.Equal(1, await app.QueryAsync(db => db.Plans.CountAsync(Token)));
        Assert.Equal("fewer than 3", Counts(await staff.GetAsync($"{clinic}/start-links", Token), "Front desk")["Plans started"]);
    }

    [Fact]
    public async Task A_packet_shared_with_the_clinic_is_in_its_staff_list_until_it_ends_and_each_staff_view_is_in_the_activity_list()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var (other, otherClinic) = await app.ClinicWithStaffAsync("Lakeside Cancer Center");
        using var __ = other;
        var start = ClinicJourneys.StartPathOn(await staff.NewStartLinkAsync(clinic, cancellationToken: Token));
        var (patient, plan) = await app.PatientFromLinkAsync(start, "Maria Lopez");
        using var ___ = patient;

        var form = await patient.GetAsync($"{plan}/packet", Token);
        Assert.Contains($"Also show it to the staff of {ClinicJourneys.ClinicName}", form.Text, StringComparison.Ordinal);
        Assert.Empty((await staff.GetAsync($"{clinic}/packets", Token)).Document.QuerySelectorAll("main .member-list a"));
        await patient.MakePacketLinkAsync(plan, cancellationToken: Token);
        Assert.Empty((await staff.GetAsync($"{clinic}/packets", Token)).Document.QuerySelectorAll("main .member-list a"));

        await patient.MakePacketLinkAsync(plan, shareWithClinic: true, cancellationToken: Token);
        var list = await staff.GetAsync($"{clinic}/packets", Token);
        var entry = Assert.Single(list.Document.QuerySelectorAll("main .member-list a"));
        Assert.Equal("Plan for Maria Lopez", entry.TextContent);
        var packetPath = entry.GetAttribute("href")!;
        var packet = await staff.GetAsync(packetPath, Token);
        Assert.Equal(HttpStatusCode.OK, packet.Status);
        Assert.Contains("Maria Lopez", packet.Text, StringComparison.Ordinal);
        Assert.Equal("noindex", packet.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));

        var activity = await patient.GetAsync($"{plan}/activity", Token);
        Assert.Contains("opened the visit packet as staff of the clinic it was shared with", activity.Text, StringComparison.Ordinal);
        var links = await patient.GetAsync($"{plan}/packet", Token);
        Assert.Contains("Opened once", links.Text, StringComparison.Ordinal);
        Assert.Contains($"The staff of {ClinicJourneys.ClinicName} can see it in their list while it works.", links.Text, StringComparison.Ordinal);

        var packetId = packetPath[(packetPath.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{otherClinic}/packets/{packetId}", Token)).Status);
        Assert.Empty((await other.GetAsync($"{otherClinic}/packets", Token)).Document.QuerySelectorAll("main .member-list a"));

        await patient.RevokeFirstPacketLinkAsync(plan, Token);
        Assert.Empty((await staff.GetAsync($"{clinic}/packets", Token)).Document.QuerySelectorAll("main .member-list a"));
        Assert.Equal(HttpStatusCode.Gone, (await staff.GetAsync(packetPath, Token)).Status);
    }

    [Fact]
    public async Task A_plan_no_clinic_started_cannot_share_its_packet_with_a_clinic()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var (patient, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var __ = patient;

        var form = await patient.GetAsync($"{plan}/packet", Token);
        await patient.MakePacketLinkAsync(plan, shareWithClinic: true, cancellationToken: Token);

        Assert.DoesNotContain("Also show it to the staff", form.Text, StringComparison.Ordinal);
        Assert.Empty((await staff.GetAsync($"{clinic}/packets", Token)).Document.QuerySelectorAll("main .member-list a"));
        Assert.All(await app.QueryAsync(db => db.PacketLinks.ToListAsync(Token)), link => Assert.Null(link.SharedWithClinicId));
    }

    [Fact]
    public async Task Staff_cannot_reach_any_page_of_a_plan_their_link_started()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var start = ClinicJourneys.StartPathOn(await staff.NewStartLinkAsync(clinic, cancellationToken: Token));
        var (patient, plan) = await app.PatientFromLinkAsync(start, "Rosa Diaz");
        using var __ = patient;
        var planId = TestData.PlanId(plan);
        var antiforgery = await staff.AntiforgeryTokenAsync(Token);
        var failures = new List<string>();

        foreach (var route in Endpoints.Pages(app).Where(r => r.Template.Contains("{planId", StringComparison.Ordinal)))
        {
            var path = Endpoints.PathFor(route.Template, planId);
            foreach (var (method, name) in route.Handlers)
            {
                var url = name is null ? path : $"{path}?handler={name}";
                var status = method == "GET"
                    ? (await staff.GetAsync(url, Token)).Status
                    : (await staff.PostAsync(url, new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }, Token)).Status;
                if (status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{method} {url} answered {(int)status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(plan, Token)).Status);
        Assert.DoesNotContain("Rosa", (await staff.GetAsync("/plans", Token)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Name", "", "Write the clinic's name.")]
    [InlineData("Input.Name", "   ", "Write the clinic's name.")]
    [InlineData("Input.Phone", "call us", "Write the number with digits, like 555-123-4567.")]
    [InlineData("Input.RecordsFax", "fax", "Write the number with digits, like 555-123-4567.")]
    public async Task Clinic_details_are_checked_and_what_was_typed_stays(string field, string value, string message)
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var page = await staff.GetAsync(clinic, Token);

        var answer = await staff.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Input.Phone"] = "555-201-3000",
            [field] = value,
        }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(message, answer.FieldError(field.Replace('.', '_')));
        Assert.Equal(value, answer.Value(field.Replace('.', '_')));
        var saved = await app.QueryAsync(db => db.Clinics.SingleAsync(Token));
        Assert.Equal(ClinicJourneys.ClinicName, saved.Name);
        Assert.Null(saved.Phone);
        Assert.Equal(0, saved.Version);
    }

    [Theory]
    [InlineData("Input.Name", Clinic.NameMaxLength)]
    [InlineData("Input.Phone", Clinic.PhoneMaxLength)]
    [InlineData("Input.RecordsAddress", Clinic.AddressMaxLength)]
    [InlineData("Input.RecordsFax", Clinic.PhoneMaxLength)]
    public async Task Clinic_details_that_are_too_long_are_refused_beside_the_field(string field, int maxLength)
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;
        var page = await staff.GetAsync(clinic, Token);
        var tooLong = field.Contains("Phone", StringComparison.Ordinal) || field.Contains("Fax", StringComparison.Ordinal)
            ? "555-201-3000 " + new string('1', maxLength)
            : new string('a', maxLength + 1);

        var answer = await staff.SubmitAsync(page, new Dictionary<string, string?> { [field] = tooLong }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotNull(answer.FieldError(field.Replace('.', '_')));
        Assert.Equal(0, (await app.QueryAsync(db => db.Clinics.SingleAsync(Token))).Version);
    }

    [Fact]
    public async Task Control_characters_in_clinic_forms_are_dropped_and_a_nul_byte_gets_a_calm_400()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;

        var details = await staff.SubmitAsync(await staff.GetAsync(clinic, Token), new Dictionary<string, string?>
        {
            ["Input.Name"] = "River\u0007side Heart Clinic",
            ["Input.RecordsAddress"] = "12 River Road\r\nSpringfield\u0001",
        }, cancellationToken: Token);
        var nul = await staff.NewStartLinkAsync(clinic, "Front\0desk", Token);

        Assert.Equal(HttpStatusCode.OK, details.Status);
        var saved = await app.QueryAsync(db => db.Clinics.SingleAsync(Token));
        Assert.Equal("Riverside Heart Clinic", saved.Name);
        Assert.Equal("12 River Road\r\nSpringfield", saved.RecordsAddress);
        Assert.Equal(HttpStatusCode.BadRequest, nul.Status);
        Assert.Equal("We could not accept that form", nul.Heading);
        Assert.Equal(0, await app.QueryAsync(db => db.StartLinks.CountAsync(Token)));
    }

    [Theory]
    [InlineData("", "Give the link a name, like Front desk.")]
    public async Task Start_link_name_is_checked(string label, string message)
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;

        var answer = await staff.NewStartLinkAsync(clinic, label, Token);
        var tooLong = await staff.NewStartLinkAsync(clinic, new string('a', StartLink.LabelMaxLength + 1), Token);

        Assert.Equal(message, answer.FieldError("Input_Label"));
        Assert.Equal(label, answer.Value("Input_Label"));
        Assert.Equal($"A name can be at most {StartLink.LabelMaxLength} characters.", tooLong.FieldError("Input_Label"));
        Assert.Equal(0, await app.QueryAsync(db => db.StartLinks.CountAsync(Token)));
    }

    [Theory]
    [InlineData("", "Enter the email address of the person you want to invite.")]
    [InlineData("not an email", "Enter an email address like name@example.com.")]
    public async Task Staff_invite_email_is_checked(string email, string message)
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;

        var answer = await staff.SubmitAsync(await staff.GetAsync($"{clinic}/staff", Token),
            new Dictionary<string, string?> { ["Input.Email"] = email }, "form#invite-form", Token);

        Assert.Equal(message, answer.FieldError("Input_Email"));
        Assert.Equal(email, answer.Value("Input_Email"));
        Assert.Equal(0, await app.QueryAsync(db => db.ClinicStaffInvites.CountAsync(i => i.AcceptedAtUtc == null, Token)));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Print_page_shows_the_link_and_QR_code_only_with_its_token_which_is_never_stored()
    {
        await using var app = new TestApp();
        var (staff, clinic) = await app.ClinicWithStaffAsync();
        using var _ = staff;

        var print = await staff.NewStartLinkAsync(clinic, cancellationToken: Token);
        var start = ClinicJourneys.StartPathOn(print);
        var withoutToken = await staff.GetAsync(print.Url.AbsolutePath, Token);
        var wrongToken = await staff.GetAsync($"{print.Url.AbsolutePath}?token={new string('A', 43)}", Token);
        var bookmarked = await staff.GetAsync(print.Url.PathAndQuery, Token);

        Assert.Equal("Get a second opinion with Riverside Heart Clinic", print.Heading);
        Assert.StartsWith("data:image/png;base64,", print.Document.QuerySelector("main img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains($"http://localhost{start}", print.Text, StringComparison.Ordinal);
        Assert.Equal("This link cannot be shown again", withoutToken.Heading);
        Assert.Null(withoutToken.Document.QuerySelector("main img"));
        Assert.Equal("This link cannot be shown again", wrongToken.Heading);
        Assert.Contains(start, bookmarked.Text, StringComparison.Ordinal);
        var rawToken = Encoding.UTF8.GetBytes(start["/start/".Length..]);
        Assert.All(await app.DatabaseFileBytesAsync(Token), bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf(rawToken)));
    }

    private static async Task StartStepAsync((AppClient Client, string Plan) patient, int step, string status)
    {
        var page = await patient.Client.GetAsync($"{patient.Plan}/steps/{step}", Token);
        await patient.Client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Status"] = status }, cancellationToken: Token);
    }

    private static async Task<Dictionary<string, string>> CountsAsync(AppClient staff, string clinic, string label) =>
        Counts(await staff.GetAsync($"{clinic}/start-links", Token), label);

    /// <summary>The counts shown for one link, by their label ("Plans started", "Got to step 1: …").</summary>
    private static Dictionary<string, string> Counts(HtmlPage page, string label)
    {
        var panel = page.Document.QuerySelectorAll("main li.panel").Single(li => li.QuerySelector("h3")?.TextContent.Trim() == label);
        var terms = panel.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()).ToList();
        var values = panel.QuerySelectorAll("dd").Select(dd => dd.TextContent.Trim()).ToList();
        return terms.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }
}
