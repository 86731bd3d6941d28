using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class DoctorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_doctor_with_every_detail_is_saved_and_listed()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/doctor", Token);
        Assert.Equal("Add a doctor", form.Heading);

        var list = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "  Dr. Ada Okafor ",
            ["Input.Specialty"] = "Heart surgeon",
            ["Input.Practice"] = "University Heart Center",
            ["Input.Address"] = "1 College Ave\nSuite 200",
            ["Input.Phone"] = "(555) 123-4567 ext 12",
            ["Input.Fax"] = "555.123.4568",
            ["Input.Source"] = "TeachingHospital",
            ["Input.RecommendedBy"] = "The hospital's referral line",
            ["Input.Status"] = "Contacted",
            ["Input.Notes"] = "Sees new patients on Tuesdays.",
        }, cancellationToken: Token);

        Assert.Equal($"{plan}/doctors", list.Url.AbsolutePath);
        Assert.Contains("Saved Dr. Ada Okafor.", list.Text, StringComparison.Ordinal);
        var card = list.Document.QuerySelector(".card-list li")!;
        Assert.Equal("Dr. Ada Okafor", card.QuerySelector("h2")!.TextContent);
        foreach (var shown in new[] { "Heart surgeon", "University Heart Center", "Suite 200", "(555) 123-4567 ext 12", "555.123.4568",
                     "A teaching hospital (The hospital's referral line)", "Contacted", "Sees new patients on Tuesdays." })
        {
            Assert.Contains(shown, card.TextContent, StringComparison.Ordinal);
        }

        var edit = await client.GetAsync($"{plan}/doctor/{await app.DoctorIdAsync(plan, "Dr. Ada Okafor", Token)}", Token);
        Assert.Equal("1 College Ave\nSuite 200", edit.Value("Input_Address"));
        Assert.Equal("TeachingHospital", edit.Document.QuerySelector("input[name='Input.Source']:checked")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("MyDoctor", 1, 2)]
    [InlineData("SomeoneITrust", 2, 1)]
    [InlineData("MedicalSociety", 2, 1)]
    [InlineData("MyInsurance", 2, 1)]
    public async Task Adding_the_first_doctor_starts_the_step_its_name_came_from(string source, int started, int untouched)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        await client.AddDoctorAsync(plan, "Dr. Lee", source, Token);

        var home = await client.GetAsync(plan, Token);
        Assert.Equal("In progress", home.Document.QuerySelector($"#step-{started}-status")!.TextContent);
        Assert.Equal("Not started", home.Document.QuerySelector($"#step-{untouched}-status")!.TextContent);
    }

    [Fact]
    public async Task Adding_a_doctor_never_undoes_a_step_marked_done()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var step = await client.GetAsync($"{plan}/steps/2", Token);
        await client.SubmitAsync(step, new Dictionary<string, string?> { ["Input.Status"] = "Done" }, "main form[aria-labelledby=notes-heading]", Token);

        await client.AddDoctorAsync(plan, "Dr. Lee", "SomeoneITrust", Token);

        var home = await client.GetAsync(plan, Token);
        Assert.Equal("Done", home.Document.QuerySelector("#step-2-status")!.TextContent);
    }

    [Fact]
    public async Task The_name_and_where_it_came_from_are_needed_and_what_was_typed_stays()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/doctor", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "   ",
            ["Input.Specialty"] = "Kidney doctor",
        }, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Write the doctor's name.", page.FieldError("Input_Name"));
        Assert.Equal("Choose where the doctor's name came from.", page.FieldError("Input_Source"));
        Assert.Equal("Kidney doctor", page.Value("Input_Specialty"));
        Assert.Contains("There are 2 problems", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Empty(await app.QueryAsync(db => db.Doctors.ToListAsync(Token)));
    }

    [Theory]
    [InlineData("Input.Name", 121)]
    [InlineData("Input.Specialty", 121)]
    [InlineData("Input.Practice", 201)]
    [InlineData("Input.Address", 301)]
    [InlineData("Input.RecommendedBy", 121)]
    [InlineData("Input.Notes", 2001)]
    public async Task Over_long_text_gets_a_message_not_an_error_page(string field, int length)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/doctor", Token);
        var text = new string('a', length);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "Dr. Lee",
            ["Input.Source"] = "Other",
            [field] = text,
        }, cancellationToken: Token);

        var id = field.Replace('.', '_');
        Assert.Equal($"Keep this to {length - 1} characters or fewer.", page.FieldError(id));
        Assert.Equal(text, page.Value(id));
        Assert.Empty(await app.QueryAsync(db => db.Doctors.ToListAsync(Token)));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12345")]
    [InlineData("555-123-4567-8901-2345")]
    public async Task A_phone_or_fax_must_be_a_number(string number)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/doctor", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "Dr. Lee",
            ["Input.Source"] = "Other",
            ["Input.Phone"] = number,
            ["Input.Fax"] = number,
        }, cancellationToken: Token);

        Assert.Equal("Write the number with digits, like 555-123-4567.", page.FieldError("Input_Phone"));
        Assert.Equal("Write the number with digits, like 555-123-4567.", page.FieldError("Input_Fax"));
    }

    [Fact]
    public async Task A_source_or_status_that_is_not_a_choice_is_refused()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var form = await client.GetAsync($"{plan}/doctor", Token);

        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Name"] = "Dr. Lee",
            ["Input.Source"] = "42",
            ["Input.Status"] = "Hired",
        }, cancellationToken: Token);

        Assert.NotNull(page.FieldError("Input_Source"));
        Assert.NotNull(page.FieldError("Input_Status"));
        Assert.Empty(await app.QueryAsync(db => db.Doctors.ToListAsync(Token)));
    }

    [Fact]
    public async Task Step_one_offers_to_add_a_doctor_with_the_source_filled_in()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var step = await client.GetAsync($"{plan}/steps/1", Token);
        Assert.Contains("You have not added any doctors yet.", step.Text, StringComparison.Ordinal);
        var add = step.Document.QuerySelector("a.button[href$='/doctor?source=MyDoctor']")!;
        var form = await client.GetAsync(add.GetAttribute("href")!, Token);
        Assert.Equal("MyDoctor", form.Document.QuerySelector("input[name='Input.Source']:checked")?.GetAttribute("value"));
        await client.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Name"] = "Dr. Chen's colleague, Dr. Patel" }, cancellationToken: Token);

        var again = await client.GetAsync($"{plan}/steps/1", Token);
        Assert.Contains("Dr. Chen's colleague, Dr. Patel", again.Document.QuerySelector(".tool")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_two_explains_where_to_look_and_links_to_public_lookups()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var step = await client.GetAsync($"{plan}/steps/2", Token);

        Assert.Contains("teaching hospital", step.Text, StringComparison.Ordinal);
        Assert.Contains("board-certified", step.Text, StringComparison.Ordinal);
        var links = step.Document.QuerySelectorAll("main a[href^='https://']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://www.certificationmatters.org/", links);
        Assert.Contains("https://www.docinfo.org/", links);
        Assert.Empty(step.Document.QuerySelectorAll("main a[target]"));
        Assert.NotNull(step.Document.QuerySelector($"a.button[href='{plan}/doctor']"));
    }

    [Fact]
    public async Task Changing_a_doctor_saves_and_a_stale_form_gets_a_changed_by_someone_else_message()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Lee", Token);
        var first = await client.GetAsync($"{plan}/doctor/{id}", Token);
        var second = await client.GetAsync($"{plan}/doctor/{id}", Token);
        Assert.Equal("Change a doctor's details", first.Heading);

        var saved = await client.SubmitAsync(first, new Dictionary<string, string?> { ["Input.Phone"] = "555-000-1111" }, cancellationToken: Token);
        Assert.Contains("555-000-1111", saved.Text, StringComparison.Ordinal);

        var conflict = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Input.Notes"] = "Call back Friday" }, cancellationToken: Token);
        Assert.Contains("Someone else changed this doctor", conflict.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Call back Friday", conflict.Value("Input_Notes"));

        var resaved = await client.SubmitAsync(conflict, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Contains("Saved Dr. Lee.", resaved.Text, StringComparison.Ordinal);
        var doctor = await app.QueryAsync(db => db.Doctors.SingleAsync(Token));
        Assert.Equal("Call back Friday", doctor.Notes);
    }

    [Fact]
    public async Task Picking_a_doctor_unpicks_the_one_picked_before()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var list = await client.AddDoctorAsync(plan, "Dr. Park", cancellationToken: Token);
        var lee = await app.DoctorIdAsync(plan, "Dr. Lee", Token);
        var park = await app.DoctorIdAsync(plan, "Dr. Park", Token);

        list = await client.SubmitAsync(list, new Dictionary<string, string?>(), $"#doctor-{lee} form", Token);
        Assert.Contains("Dr. Lee is now your second-opinion doctor.", list.Text, StringComparison.Ordinal);
        list = await client.SubmitAsync(list, new Dictionary<string, string?>(), $"#doctor-{park} form", Token);
        Assert.Contains("Dr. Park is now your second-opinion doctor.", list.Text, StringComparison.Ordinal);

        var picked = Assert.Single(list.Document.QuerySelectorAll(".tag--picked"));
        Assert.Equal($"doctor-{park}", picked.Closest("li")!.Id);
        Assert.Equal("Dr. Park", list.Document.QuerySelector(".card-list li h2")!.TextContent);
        var inDatabase = await app.QueryAsync(db => db.Doctors.Where(d => d.IsSecondOpinionDoctor).Select(d => d.Name).ToListAsync(Token));
        Assert.Equal(["Dr. Park"], inDatabase);
    }

    [Fact]
    public async Task A_doctor_added_earlier_can_be_picked_after_one_added_later()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var list = await client.AddDoctorAsync(plan, "Dr. Park", cancellationToken: Token);
        var lee = await app.DoctorIdAsync(plan, "Dr. Lee", Token);
        var park = await app.DoctorIdAsync(plan, "Dr. Park", Token);

        foreach (var (id, name) in new[] { (park, "Dr. Park"), (lee, "Dr. Lee"), (park, "Dr. Park"), (lee, "Dr. Lee") })
        {
            list = await client.SubmitAsync(list, new Dictionary<string, string?>(), $"#doctor-{id} form", Token);
            Assert.Contains($"{name} is now your second-opinion doctor.", list.Text, StringComparison.Ordinal);
            var inDatabase = await app.QueryAsync(db => db.Doctors.Where(d => d.IsSecondOpinionDoctor).Select(d => d.Name).ToListAsync(Token));
            Assert.Equal([name], inDatabase);
        }
    }

    [Fact]
    public async Task Marking_the_picked_doctor_not_this_one_unpicks_them()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var list = await client.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Lee", Token);
        await client.SubmitAsync(list, new Dictionary<string, string?>(), $"#doctor-{id} form", Token);

        var edit = await client.GetAsync($"{plan}/doctor/{id}", Token);
        list = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Status"] = "NotThisOne" }, cancellationToken: Token);

        Assert.Empty(list.Document.QuerySelectorAll(".tag--picked"));
        Assert.Contains("Not this one", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_asks_first_then_removes_the_doctor()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Lee", Token);

        var confirm = await client.GetAsync($"{plan}/doctor/{id}/delete", Token);
        Assert.Equal("Delete Dr. Lee from your list?", confirm.Heading);
        Assert.Single(await app.QueryAsync(db => db.Doctors.ToListAsync(Token)));

        var list = await client.SubmitAsync(confirm, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Contains("Dr. Lee is no longer on your list.", list.Text, StringComparison.Ordinal);
        Assert.Contains("You have not added any doctors yet.", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_from_a_stale_page_asks_again()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await client.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Lee", Token);
        var confirm = await client.GetAsync($"{plan}/doctor/{id}/delete", Token);
        var edit = await client.GetAsync($"{plan}/doctor/{id}", Token);
        await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.Name"] = "Dr. Lee-Wong" }, cancellationToken: Token);

        var again = await client.SubmitAsync(confirm, new Dictionary<string, string?>(), cancellationToken: Token);

        Assert.Contains("Someone else changed this doctor a moment ago.", again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Delete Dr. Lee-Wong from your list?", again.Heading);
        var list = await client.SubmitAsync(again, new Dictionary<string, string?>(), cancellationToken: Token);
        Assert.Contains("You have not added any doctors yet.", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_plans_doctor_cannot_be_seen_changed_picked_or_deleted()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var other = Journeys.PlanPath((await client.StartPlanAsync("Sam", cancellationToken: Token)).Url);
        await client.AddDoctorAsync(other, "Dr. Elsewhere", cancellationToken: Token);
        var id = await app.DoctorIdAsync(other, "Dr. Elsewhere", Token);
        var token = await client.AntiforgeryTokenAsync(Token);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan}/doctor/{id}", Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan}/doctor/{id}/delete", Token)).Status);
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "Taken", ["Input.Source"] = "Other", ["Input.Status"] = "Considering" };
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{plan}/doctor/{id}", fields, Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{plan}/doctor/{id}/delete", fields, Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{plan}/doctors?handler=Pick&doctorId={id}", fields, Token)).Status);

        var untouched = await app.QueryAsync(db => db.Doctors.SingleAsync(Token));
        Assert.Equal("Dr. Elsewhere", untouched.Name);
        Assert.False(untouched.IsSecondOpinionDoctor);
    }

    [Fact]
    public async Task A_stranger_gets_not_found_on_every_doctor_page()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        await owner.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Lee", Token);
        using var stranger = await app.OtherPersonAsync(plan, role: null, Token);
        var token = await stranger.AntiforgeryTokenAsync(Token);

        foreach (var page in new[] { "/doctors", "/doctor", $"/doctor/{id}", $"/doctor/{id}/delete" })
        {
            var get = await stranger.GetAsync(plan + page, Token);
            Assert.Equal(HttpStatusCode.NotFound, get.Status);
            Assert.DoesNotContain("Dr. Lee", get.Html, StringComparison.Ordinal);
        }

        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "Taken", ["Input.Source"] = "Other", ["Input.Status"] = "Considering" };
        foreach (var page in new[] { "/doctor", $"/doctor/{id}", $"/doctor/{id}/delete", $"/doctors?handler=Pick&doctorId={id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(plan + page, fields, Token)).Status);
        }

        Assert.Equal("Dr. Lee", (await app.QueryAsync(db => db.Doctors.SingleAsync(Token))).Name);
    }

    [Fact]
    public async Task A_viewer_sees_the_list_but_cannot_add_change_pick_or_delete()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        await owner.AddDoctorAsync(plan, "Dr. Lee", cancellationToken: Token);
        var id = await app.DoctorIdAsync(plan, "Dr. Lee", Token);
        using var viewer = await app.OtherPersonAsync(plan, PlanRole.Viewer, Token);
        var token = await viewer.AntiforgeryTokenAsync(Token);

        var list = await viewer.GetAsync($"{plan}/doctors", Token);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Dr. Lee", list.Text, StringComparison.Ordinal);
        Assert.Null(list.Document.QuerySelector("main form"));
        Assert.Null(list.Document.QuerySelector($"main a[href='{plan}/doctor']"));
        var step = await viewer.GetAsync($"{plan}/steps/1", Token);
        Assert.Null(step.Document.QuerySelector($"main a[href*='/doctor?']"));

        foreach (var page in new[] { "/doctor", $"/doctor/{id}", $"/doctor/{id}/delete" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(plan + page, Token)).Status);
        }

        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "Taken", ["Input.Source"] = "Other", ["Input.Status"] = "Considering" };
        foreach (var page in new[] { "/doctor", $"/doctor/{id}", $"/doctor/{id}/delete", $"/doctors?handler=Pick&doctorId={id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(plan + page, fields, Token)).Status);
        }

        var doctor = await app.QueryAsync(db => db.Doctors.SingleAsync(Token));
        Assert.Equal("Dr. Lee", doctor.Name);
        Assert.False(doctor.IsSecondOpinionDoctor);
    }
}
