using System.Globalization;
using System.Net;
using Calendar = Ical.Net.Calendar;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class VisitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static async Task<HtmlPage> BookAsync(AppClient client, string plan, Dictionary<string, string?> values)
    {
        var form = await client.GetAsync($"{plan}/visit", Token);
        return await client.SubmitAsync(form, values, "form[aria-labelledby=booking-heading]", Token);
    }

    /// <summary>A plan with one doctor, picked, with an address.</summary>
    private static async Task<(AppClient Client, string Plan, int DoctorId)> PlanWithDoctorAsync(TestApp app, string? email = null)
    {
        var client = new AppClient(app);
        await client.SignUpAsync(email, Token);
        var plan = Journeys.PlanPath((await client.StartPlanAsync("Rosa Diaz", "Whether she needs heart surgery", Token)).Url);
        var form = await client.GetAsync($"{plan}/doctor", Token);
        var list = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "Dr. Ada Okafor",
            ["Input.Source"] = "MyDoctor",
            ["Input.Address"] = "1 College Ave, Springfield",
        }, cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Ada Okafor", Token);
        await client.SubmitAsync(list, new Dictionary<string, string?>(), $"#doctor-{id} form", Token);
        return (client, plan, id);
    }

    private static DateOnly Date(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime EasternToUtc(string day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(Date(day).ToDateTime(new TimeOnly(hour, minute)), Eastern);

    [Fact]
    public async Task Booking_a_visit_stores_utc_shows_the_plans_time_zone_and_starts_step_six()
    {
        await using var app = new TestApp();
        var (client, plan, doctorId) = await PlanWithDoctorAsync(app);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/visit", Token);
        Assert.Equal(doctorId.ToString(CultureInfo.InvariantCulture), form.Value("Input_DoctorId"));
        Assert.Equal("1 College Ave, Springfield", form.Value("Input_Place"));
        Assert.Equal("InPerson", form.Document.QuerySelector("input[name='Input.Kind']:checked")?.GetAttribute("value"));
        Assert.Contains("In Eastern time", form.Text, StringComparison.Ordinal);
        var day = app.PlanDay(20);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Date"] = day, ["Input.Time"] = "09:30" }, "form[aria-labelledby=booking-heading]", Token);

        var visit = await app.QueryAsync(db => db.Visits.SingleAsync(Token));
        Assert.Equal(EasternToUtc(day, 9, 30), visit.StartsAtUtc);
        Assert.Equal(DateTimeKind.Utc, visit.StartsAtUtc!.Value.Kind);
        var when = $"{Date(day).ToString("dddd, MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))}, at 9:30 AM Eastern time";
        Assert.Contains($"Saved your visit: {when}.", page.Text, StringComparison.Ordinal);
        Assert.Contains(when, page.Document.QuerySelector("#booked-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("09:30", page.Value("Input_Time"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{plan}/questions/print']"));
        var step = await client.GetAsync($"{plan}/steps/6", Token);
        Assert.Contains("Dr. Ada Okafor", step.Document.QuerySelector(".tool")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(when, step.Document.QuerySelector(".tool")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("In progress", (await client.GetAsync(plan, Token)).Document.QuerySelector("#step-6-status")!.TextContent);
    }

    [Fact]
    public async Task Changing_the_plans_time_zone_shows_the_same_moment_in_the_new_zone()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var __ = client;
        await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(20), ["Input.Time"] = "09:30" });
        var details = await client.GetAsync($"{plan}/details", Token);
        await client.SubmitAsync(details, new Dictionary<string, string?> { ["Input.TimeZoneId"] = "America/Chicago" }, cancellationToken: Token);

        var page = await client.GetAsync($"{plan}/visit", Token);

        Assert.Contains("at 8:30 AM Central time", page.Text, StringComparison.Ordinal);
        Assert.Equal("08:30", page.Value("Input_Time"));
    }

    [Fact]
    public async Task A_time_the_clocks_skip_is_refused_with_a_plain_reason()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        var today = Date(app.PlanDay());
        var skipped = Enumerable.Range(1, 366).Select(today.AddDays)
            .First(d => Eastern.IsInvalidTime(d.ToDateTime(new TimeOnly(2, 30))));

        var page = await BookAsync(client, plan, new() { ["Input.Date"] = skipped.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Time"] = "02:30" });

        Assert.Equal("The clocks move forward an hour that night, so this time does not exist. Choose another time.", page.FieldError("Input_Time"));
        Assert.Empty(await app.QueryAsync(db => db.Visits.ToListAsync(Token)));
    }

    [Fact]
    public async Task A_visit_needs_a_doctor_a_date_within_a_year_a_time_and_for_an_office_visit_a_place()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;

        var empty = await BookAsync(client, plan, new() { ["Input.DoctorId"] = "", ["Input.Date"] = "", ["Input.Time"] = "", ["Input.Place"] = " " });
        Assert.Equal("Choose the doctor you will see.", empty.FieldError("Input_DoctorId"));
        Assert.Equal("Enter the date of the visit.", empty.FieldError("Input_Date"));
        Assert.Equal("Enter the time of the visit, like 9:30 AM.", empty.FieldError("Input_Time"));
        Assert.Equal("Write where the visit is, such as the office address.", empty.FieldError("Input_Place"));

        var farAway = await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(400), ["Input.Time"] = "09:30" });
        Assert.Equal("Enter a date within one year of today.", farAway.FieldError("Input_Date"));
        var longAgo = await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(-400), ["Input.Time"] = "09:30" });
        Assert.Equal("Enter a date within one year of today.", longAgo.FieldError("Input_Date"));

        var noKind = await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(5), ["Input.Time"] = "09:30", ["Input.Kind"] = "Phone" });
        Assert.NotNull(noKind.FieldError("Input_Kind"));
        var notATime = await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(5), ["Input.Time"] = "half past nine" });
        Assert.NotNull(notATime.FieldError("Input_Time"));
        Assert.Equal("half past nine", notATime.Value("Input_Time"));

        var longPlace = new string('p', 301);
        var tooLong = await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(5), ["Input.Time"] = "09:30", ["Input.Place"] = longPlace });
        Assert.Equal("Keep this to 300 characters or fewer.", tooLong.FieldError("Input_Place"));
        Assert.Equal(longPlace, tooLong.Value("Input_Place"));

        Assert.Empty(await app.QueryAsync(db => db.Visits.ToListAsync(Token)));
    }

    [Fact]
    public async Task A_video_visit_can_be_saved_without_a_place_and_gently_warns()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;

        var page = await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(5), ["Input.Time"] = "14:00", ["Input.Kind"] = "Video", ["Input.Place"] = "" });

        Assert.Contains("A video visit", page.Document.QuerySelector("#booked-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains(VisitRules.SeenInPerson, page.Document.QuerySelector(".panel--warning")!.TextContent, StringComparison.Ordinal);
        var visit = await app.QueryAsync(db => db.Visits.SingleAsync(Token));
        Assert.Equal(VisitKind.Video, visit.Kind);
        Assert.Null(visit.Place);
        var step = await client.GetAsync($"{plan}/steps/6", Token);
        Assert.Contains(VisitRules.SeenInPerson, step.Document.QuerySelector(".tool .panel--warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_doctor_from_another_plan_or_no_plan_is_not_found()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        var other = Journeys.PlanPath((await client.StartPlanAsync("Sam", cancellationToken: Token)).Url);
        await client.AddDoctorAsync(other, "Dr. Elsewhere", cancellationToken: Token);
        var elsewhere = await app.DoctorIdAsync(other, "Dr. Elsewhere", Token);

        foreach (var doctorId in new[] { elsewhere, 999_999 })
        {
            var page = await BookAsync(client, plan, new()
            {
                ["Input.DoctorId"] = doctorId.ToString(CultureInfo.InvariantCulture),
                ["Input.Date"] = app.PlanDay(5),
                ["Input.Time"] = "09:30",
            });
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
        }

        Assert.Empty(await app.QueryAsync(db => db.Visits.ToListAsync(Token)));
    }

    [Fact]
    public async Task Without_doctors_the_page_asks_for_one_first()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var page = await client.GetAsync($"{plan}/visit", Token);

        Assert.Contains("First add the doctor to your doctors list.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form[aria-labelledby=booking-heading]"));
        Assert.NotNull(page.Document.QuerySelector("form[aria-labelledby=bring-heading]"));
    }

    [Fact]
    public async Task A_stale_visit_form_gets_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(5), ["Input.Time"] = "09:30" });
        var first = await client.GetAsync($"{plan}/visit", Token);
        var second = await client.GetAsync($"{plan}/visit", Token);
        await client.SubmitAsync(first, new Dictionary<string, string?> { ["Input.Time"] = "10:00" }, "form[aria-labelledby=booking-heading]", Token);

        var conflict = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Input.Time"] = "11:15" }, "form[aria-labelledby=booking-heading]", Token);

        Assert.Contains("Someone else changed the visit", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("11:15", conflict.Value("Input_Time"));
        Assert.Equal(EasternToUtc(app.PlanDay(5), 10, 0), (await app.QueryAsync(db => db.Visits.SingleAsync(Token))).StartsAtUtc);
        var saved = await client.SubmitAsync(conflict, new Dictionary<string, string?>(), "form[aria-labelledby=booking-heading]", Token);
        Assert.Contains("at 11:15 AM", saved.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_to_bring_is_ticked_off_before_or_after_booking()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        var page = await client.GetAsync($"{plan}/visit", Token);
        Assert.Equal(6, page.Document.QuerySelectorAll("input[name='Bring.Items']").Length);
        Assert.Empty(page.Document.QuerySelectorAll("input[name='Bring.Items']:checked"));

        var form = page.Document.QuerySelector("form[aria-labelledby=bring-heading]")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await client.Http.PostAsync($"{plan}/visit?handler=Bring", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Bring.Version", "0"),
            new("Bring.Items", "QuestionList"),
            new("Bring.Items", "InsuranceCardAndId"),
        ]), Token);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        page = await client.GetAsync($"{plan}/visit", Token);
        Assert.Equal(["QuestionList", "InsuranceCardAndId"], page.Document.QuerySelectorAll("input[name='Bring.Items']:checked").Select(i => i.GetAttribute("value")));
        Assert.Null(page.Document.QuerySelector("#booked-heading"));
        Assert.Equal(BringItem.QuestionList | BringItem.InsuranceCardAndId, (await app.QueryAsync(db => db.Visits.SingleAsync(Token))).Ready);
        Assert.Equal("In progress", (await client.GetAsync(plan, Token)).Document.QuerySelector("#step-6-status")!.TextContent);

        // Unticking everything is saved too, and booking afterwards keeps the checklist.
        var none = await client.SubmitAsync(page, new Dictionary<string, string?> { ["Bring.Items"] = null }, "form[aria-labelledby=bring-heading]", Token);
        Assert.Contains("Saved. 0 of 6 things are ready to bring.", none.Text, StringComparison.Ordinal);
        await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(5), ["Input.Time"] = "09:30" });
        Assert.Equal(BringItem.None, (await app.QueryAsync(db => db.Visits.SingleAsync(Token))).Ready);
        Assert.Single(await app.QueryAsync(db => db.Visits.ToListAsync(Token)));
    }

    [Fact]
    public async Task Ticking_something_that_is_not_on_the_list_is_refused()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        var page = await client.GetAsync($"{plan}/visit", Token);
        var token = page.Document.QuerySelector("form[aria-labelledby=bring-heading] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var bad in new[] { "Snacks", "3", "0" })
        {
            var refused = await client.PostAsync($"{plan}/visit?handler=Bring", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Bring.Items"] = bad,
            }, Token);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.NotNull(refused.FieldError("Bring_Items"));
        }

        Assert.Empty(await app.QueryAsync(db => db.Visits.ToListAsync(Token)));
    }

    [Fact]
    public async Task The_calendar_file_has_the_utc_start_the_place_a_reminder_no_health_details_and_is_not_cached()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        var none = await client.Http.GetAsync($"{plan}/visit?handler=calendar", Token);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var day = app.PlanDay(30);
        var page = await BookAsync(client, plan, new() { ["Input.Date"] = day, ["Input.Time"] = "15:45", ["Input.Place"] = "University Heart Center, 1 College Ave" });
        var link = page.Document.QuerySelector("a[href$='visit?handler=calendar']")!.GetAttribute("href")!;

        using var response = await client.Http.GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "The calendar file must not be kept in the browser's cache.");
        Assert.Equal("second-opinion-visit.ics", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync(Token);
        var calendar = Calendar.Load(text)!;
        var visit = Assert.Single(calendar.Events);
        Assert.Equal(EasternToUtc(day, 15, 45), visit.DtStart!.AsUtc);
        Assert.Equal("University Heart Center, 1 College Ave", visit.Location);
        Assert.Equal("Second opinion visit with Dr. Ada Okafor", visit.Summary);
        var alarm = Assert.Single(visit.Alarms);
        Assert.Equal("-P1D", alarm.Trigger!.Duration.ToString());
        Assert.DoesNotContain("heart surgery", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Rosa", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_start_is_right_on_both_sides_of_a_clock_change()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        var today = Date(app.PlanDay());
        var change = Enumerable.Range(1, 366).Select(today.AddDays)
            .First(d => Eastern.IsDaylightSavingTime(d.ToDateTime(new TimeOnly(12, 0))) != Eastern.IsDaylightSavingTime(d.AddDays(-1).ToDateTime(new TimeOnly(12, 0))));

        foreach (var day in new[] { change.AddDays(-1), change.AddDays(1) })
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await BookAsync(client, plan, new() { ["Input.Date"] = text, ["Input.Time"] = "09:00" });
            var ics = await client.Http.GetStringAsync($"{plan}/visit?handler=calendar", Token);
            var start = Calendar.Load(ics)!.Events.Single().DtStart!.AsUtc;
            Assert.Equal(EasternToUtc(text, 9, 0), start);
            Assert.Equal(Eastern.GetUtcOffset(day.ToDateTime(new TimeOnly(9, 0))), TimeSpan.FromHours(9) - start.TimeOfDay);
        }
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(10, false)]
    public async Task Records_not_yet_received_are_warned_about_when_the_visit_is_within_a_week(int daysAway, bool warned)
    {
        await using var app = new TestApp();
        var (client, plan, doctorId) = await PlanWithDoctorAsync(app);
        using var _ = client;
        await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(daysAway), ["Input.Time"] = "09:30" });
        var today = RecordsJourneys.Today(app);
        var request = RecordsJourneys.CompleteAuthorization(app);
        request["Input.Recipient"] = $"doctor-{doctorId}";
        var sent = await client.SendRecordsRequestAsync(app, plan, today, request, Token);

        var page = await client.GetAsync($"{plan}/visit", Token);
        Assert.Equal(warned, page.Document.QuerySelector("#records-warning") is not null);

        await client.SubmitHandlerAsync(sent, "Received", new Dictionary<string, string?> { ["Change.On"] = RecordsJourneys.IsoDate(today) }, Token);
        var afterArrival = await client.GetAsync($"{plan}/visit", Token);
        Assert.Null(afterArrival.Document.QuerySelector("#records-warning"));
    }

    [Fact]
    public async Task Records_sent_to_another_doctor_do_not_count_for_the_visit_doctor()
    {
        await using var app = new TestApp();
        var (client, plan, _) = await PlanWithDoctorAsync(app);
        using var _ = client;
        await BookAsync(client, plan, new() { ["Input.Date"] = app.PlanDay(2), ["Input.Time"] = "09:30" });
        var today = RecordsJourneys.Today(app);
        var sent = await client.SendRecordsRequestAsync(app, plan, today, RecordsJourneys.CompleteAuthorization(app), Token);
        await client.SubmitHandlerAsync(sent, "Received", new Dictionary<string, string?> { ["Change.On"] = RecordsJourneys.IsoDate(today) }, Token);

        var page = await client.GetAsync($"{plan}/visit", Token);

        Assert.NotNull(page.Document.QuerySelector("#records-warning"));
    }

    [Fact]
    public async Task Over_long_medicines_get_a_message_and_stay_in_the_box()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var brief = await client.GetAsync($"{plan}/visit/brief", Token);
        var medicines = new string('m', 2001);

        var page = await client.SubmitAsync(brief, new Dictionary<string, string?> { ["Input.Medicines"] = medicines }, cancellationToken: Token);

        Assert.Equal("Keep this to 2000 characters or fewer.", page.FieldError("Input_Medicines"));
        Assert.Equal(medicines, page.Value("Input_Medicines"));
        Assert.Empty(await app.QueryAsync(db => db.Visits.ToListAsync(Token)));
    }

    [Fact]
    public async Task A_stranger_gets_not_found_and_a_viewer_can_read_and_download_but_not_change()
    {
        await using var app = new TestApp();
        var (owner, plan, doctorId) = await PlanWithDoctorAsync(app);
        using var _ = owner;
        await BookAsync(owner, plan, new() { ["Input.Date"] = app.PlanDay(5), ["Input.Time"] = "09:30" });
        using var stranger = await app.OtherPersonAsync(plan, role: null, Token);
        using var viewer = await app.OtherPersonAsync(plan, PlanRole.Viewer, Token);

        foreach (var page in new[] { "/visit", "/visit/brief", "/visit?handler=calendar" })
        {
            var get = await stranger.Http.GetAsync(plan + page, Token);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.DoesNotContain("Okafor", await get.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await viewer.Http.GetAsync(plan + page, Token)).StatusCode);
        }

        var read = await viewer.GetAsync($"{plan}/visit", Token);
        Assert.Contains("Dr. Ada Okafor", read.Text, StringComparison.Ordinal);
        Assert.Null(read.Document.QuerySelector("main form"));
        Assert.Null((await viewer.GetAsync($"{plan}/visit/brief", Token)).Document.QuerySelector("main form"));

        foreach (var (who, status) in new[] { (stranger, HttpStatusCode.NotFound), (viewer, HttpStatusCode.Forbidden) })
        {
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await who.AntiforgeryTokenAsync(Token),
                ["Input.DoctorId"] = doctorId.ToString(CultureInfo.InvariantCulture),
                ["Input.Date"] = app.PlanDay(9),
                ["Input.Time"] = "16:00",
                ["Input.Kind"] = "Video",
                ["Input.Medicines"] = "Changed",
                ["Bring.Items"] = "Companion",
            };
            foreach (var page in new[] { "/visit", "/visit?handler=Bring", "/visit/brief" })
            {
                Assert.Equal(status, (await who.PostAsync(plan + page, fields, Token)).Status);
            }
        }

        var visit = await app.QueryAsync(db => db.Visits.SingleAsync(Token));
        Assert.Equal(VisitKind.InPerson, visit.Kind);
        Assert.Equal(BringItem.None, visit.Ready);
        Assert.Null(visit.Medicines);
    }
}
