using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Activity;

namespace SecondOpinion.IntegrationTests;

public class PacketTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A plan with everything the packet shows: a booked visit, the first opinion, two questions and a records request sent.</summary>
    private static async Task<(AppClient Owner, string Plan, string OwnerEmail)> FullPlanAsync(TestApp app)
    {
        var email = Journeys.NewEmail();
        var owner = new AppClient(app);
        await owner.SignUpAsync(email, Token);
        var plan = Journeys.PlanPath((await owner.StartPlanAsync("Rosa Diaz", "Whether she needs heart surgery", Token)).Url);
        await owner.AddDoctorAsync(plan, "Dr. Ada Okafor", "TeachingHospital", Token);
        var doctorId = await app.DoctorIdAsync(plan, "Dr. Ada Okafor", Token);
        await owner.SubmitAsync(await owner.GetAsync($"{plan}/visit", Token), new Dictionary<string, string?>
        {
            ["Input.DoctorId"] = doctorId.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = app.PlanDay(10),
            ["Input.Time"] = "10:00",
            ["Input.Kind"] = "InPerson",
            ["Input.Place"] = "1 College Ave, Springfield",
        }, "form[aria-labelledby=booking-heading]", Token);
        await owner.SubmitAsync(await owner.GetAsync($"{plan}/opinion", Token), new Dictionary<string, string?>
        {
            ["Input.Order"] = "First",
            ["Input.DoctorName"] = "Dr. Chen",
            ["Input.GivenOn"] = app.PlanDay(-30),
            ["Input.Diagnosis"] = "Severe narrowing of the aortic valve.",
            ["Input.Recommendation"] = "Open-heart valve replacement soon.",
        }, cancellationToken: Token);
        await owner.AddQuestionAsync(plan, "What happens if I wait?", Token);
        await owner.AddQuestionAsync(plan, "Is a smaller operation possible?", Token);
        await owner.SendRecordsRequestAsync(app, plan, RecordsJourneys.Today(app), Token);
        return (owner, plan, email);
    }

    [Fact]
    public async Task A_new_link_works_14_days_by_default_and_is_shown_only_once()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;

        var (made, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);

        Assert.StartsWith("/packet/", path, StringComparison.Ordinal);
        Assert.Contains("Active", made.Text, StringComparison.Ordinal);
        Assert.True(made.Document.QuerySelector("button[data-copy]")!.HasAttribute("hidden"));
        var link = await app.QueryAsync(db => db.PacketLinks.SingleAsync(Token));
        Assert.Equal(TimeSpan.FromDays(PacketLink.DefaultDays), link.ExpiresAtUtc - link.CreatedAtUtc);
        Assert.Null(link.RevokedAtUtc);
        var again = await owner.GetAsync($"{plan}/packet", Token);
        Assert.Null(again.Document.QuerySelector("#new-link"));
        Assert.DoesNotContain(path, again.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("two weeks")]
    [InlineData("")]
    public async Task Days_outside_1_to_90_get_a_message_beside_the_field_and_make_no_link(string days)
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var form = await owner.GetAsync($"{plan}/packet", Token);

        var page = await owner.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Days"] = days }, "form#make-link-form", Token);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(days == "" ? "Enter how many days the link should work, from 1 to 90." : "Enter a number of days from 1 to 90.",
            page.FieldError("Input_Days"));
        Assert.Equal(days, page.Value("Input_Days"));
        Assert.Null(page.Document.QuerySelector("#new-link"));
        Assert.Equal(0, await app.QueryAsync(db => db.PacketLinks.CountAsync(Token)));
    }

    [Fact]
    public async Task Days_with_a_NUL_byte_get_the_calm_400_page_and_make_no_link()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var form = await owner.GetAsync($"{plan}/packet", Token);

        var page = await owner.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Days"] = "1\0" }, "form#make-link-form", Token);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("We could not accept that form", page.Heading);
        Assert.Equal(0, await app.QueryAsync(db => db.PacketLinks.CountAsync(Token)));
    }

    [Fact]
    public async Task Anyone_with_the_link_reads_the_whole_packet_without_an_account()
    {
        await using var app = new TestApp();
        var (owner, plan, ownerEmail) = await FullPlanAsync(app);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, "30", cancellationToken: Token);
        using var office = new AppClient(app);

        var packet = await office.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.OK, packet.Status);
        Assert.Equal("Visit packet for a second opinion", packet.Heading);
        foreach (var expected in new[]
                 {
                     "Rosa Diaz", "Whether she needs heart surgery", "Dr. Ada Okafor", "1 College Ave, Springfield",
                     "In person, at the doctor's office", "10:00 AM", "Dr. Chen", "Severe narrowing of the aortic valve.",
                     "Open-heart valve replacement soon.", $"From {RecordsJourneys.Holder} to {RecordsJourneys.Receiver}",
                     $"Shared by {ownerEmail}", "This link works until",
                 })
        {
            Assert.Contains(expected, packet.Text, StringComparison.Ordinal);
        }

        Assert.Equal(["What happens if I wait?", "Is a smaller operation possible?"],
            packet.Document.QuerySelectorAll("#brief-questions-section li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Sent", packet.Document.QuerySelector(".packet-records .tag")?.TextContent);
        Assert.Null(packet.Document.QuerySelector("main form"));
        Assert.DoesNotContain(TestData.PlanId(plan).ToString(), packet.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_packet_is_never_cached_indexed_or_sent_on_as_a_referrer()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync("Rosa Diaz", cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        using var office = new AppClient(app);

        using var response = await office.Http.GetAsync(path, Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_opening_is_kept_with_its_time_only_and_the_owner_sees_it_in_both_lists()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        using var office = new AppClient(app);

        await office.GetAsync(path, Token);
        await office.GetAsync(path, Token);

        var opens = await app.QueryAsync(db => db.PacketLinkOpens.ToListAsync(Token));
        Assert.Equal(2, opens.Count);
        var columns = await app.QueryAsync(db => Task.FromResult(
            db.Model.FindEntityType(typeof(PacketLinkOpen))!.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()));
        Assert.Equal(["Id", "OpenedAtUtc", "PacketLinkId"], columns);
        var page = await owner.GetAsync($"{plan}/packet", Token);
        Assert.Contains("Opened 2 times", page.Text, StringComparison.Ordinal);
        Assert.Equal(2, page.Document.QuerySelectorAll(".packet-opens li").Length);

        var activity = await owner.GetAsync($"{plan}/activity", Token);
        var lines = activity.Document.QuerySelectorAll(".activity-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, lines.Count(l => l.StartsWith("The visit packet link was opened.", StringComparison.Ordinal)));
        var actors = await app.QueryAsync(db => db.PlanActivities.Where(a => a.Text == ActivityPhrases.PacketOpened).Select(a => a.ActorUserId).ToListAsync(Token));
        Assert.Equal([null, null], actors);
    }

    [Fact]
    public async Task An_expired_link_answers_410_with_a_calm_page_and_shows_nothing_of_the_plan()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync("Rosa Diaz", "Whether she needs heart surgery", Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, "1", cancellationToken: Token);
        using var office = new AppClient(app);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(path, Token)).Status);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var ended = await office.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.Gone, ended.Status);
        Assert.Contains("This link has ended. Ask the person who shared it for a new one.", ended.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rosa", ended.Html, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.PacketLinkOpens.CountAsync(Token)));
        Assert.Contains("Expired", (await owner.GetAsync($"{plan}/packet", Token)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_link_stops_working_at_once()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync("Rosa Diaz", cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        using var office = new AppClient(app);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(path, Token)).Status);

        var after = await owner.RevokeFirstPacketLinkAsync(plan, Token);
        var ended = await office.GetAsync(path, Token);

        Assert.Contains("The link is ended.", after.Text, StringComparison.Ordinal);
        Assert.Contains("Ended", after.Text, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form[action*=Revoke]"));
        Assert.Equal(HttpStatusCode.Gone, ended.Status);
        Assert.DoesNotContain("Rosa", ended.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caregiver_can_make_and_end_links_and_the_owner_sees_who_did()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (caregiver, email) = await app.InvitedMemberAsync(owner, plan, PlanRole.Caregiver, Token);
        using var __ = caregiver;

        var (_, path) = await caregiver.MakePacketLinkAsync(plan, "7", cancellationToken: Token);
        using var office = new AppClient(app);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(path, Token)).Status);
        await caregiver.RevokeFirstPacketLinkAsync(plan, Token);

        Assert.Contains($"Link made by {email}", (await owner.GetAsync($"{plan}/packet", Token)).Text, StringComparison.Ordinal);
        var lines = (await owner.GetAsync($"{plan}/activity", Token)).Document.QuerySelectorAll(".activity-list li").Select(li => li.TextContent).ToList();
        Assert.Contains(lines, l => l.StartsWith($"{email} opened the visit packet links.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{email} made a visit packet link.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{email} revoked a visit packet link.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_and_a_stranger_cannot_reach_the_packet_links_page()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        using var viewer = await app.OtherPersonAsync(plan, PlanRole.Viewer, Token);
        using var stranger = await app.OtherPersonAsync(plan, role: null, Token);

        foreach (var who in new[] { viewer, stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync($"{plan}/packet", Token)).Status);
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await who.AntiforgeryTokenAsync(Token), ["Input.Days"] = "14" };
            Assert.Equal(HttpStatusCode.NotFound, (await who.PostAsync($"{plan}/packet?handler=Create", fields, Token)).Status);
        }

        Assert.Equal(0, await app.QueryAsync(db => db.PacketLinks.CountAsync(Token)));
        Assert.DoesNotContain("/packet\"", (await viewer.GetAsync(plan, Token)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_of_another_plan_cannot_be_ended_from_this_one()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        var (other, otherPlan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var __ = other;
        var linkId = await app.QueryAsync(db => db.PacketLinks.Select(l => l.Id).SingleAsync(Token));

        var posted = await other.PostAsync($"{otherPlan}/packet?handler=Revoke", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await other.AntiforgeryTokenAsync(Token),
            ["linkId"] = linkId.ToString(CultureInfo.InvariantCulture),
        }, Token);

        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        using var office = new AppClient(app);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(path, Token)).Status);
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task The_token_is_at_least_128_random_bits_URL_safe_and_never_stored()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        var (_, second) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        using var office = new AppClient(app);
        await office.GetAsync(path, Token);
        var token = path["/packet/".Length..];

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.True(Base64Url.DecodeFromChars(token).Length * 8 >= 128);
        Assert.NotEqual(path, second);
        var files = await app.DatabaseFileBytesAsync(Token);
        Assert.NotEmpty(files);
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        Assert.All(files, bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf(tokenBytes)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%01")]
    [InlineData("..%2F..%2Fplans")]
    [InlineData("%F0%9F%98%80")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%01")]
    public async Task An_unknown_or_garbled_token_answers_a_calm_404(string token)
    {
        await using var app = new TestApp();
        using var office = new AppClient(app);

        var page = await office.GetAsync($"/packet/{token}", Token);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("We could not find this visit packet", page.Heading);
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_token_answers_404_not_500()
    {
        await using var app = new TestApp();
        using var office = new AppClient(app);

        var page = await office.GetAsync($"/packet/{new string('A', 4000)}", Token);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Other_methods_on_the_packet_get_a_4xx_and_count_as_no_opening()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        using var office = new AppClient(app);
        var signIn = await office.GetAsync("/account/sign-in", Token);
        var antiforgery = signIn.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var fields in new[] { new Dictionary<string, string>(), new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery } })
            {
                using var request = new HttpRequestMessage(method, path) { Content = new FormUrlEncodedContent(fields) };
                using var response = await office.Http.SendAsync(request, Token);
                Assert.InRange((int)response.StatusCode, 400, 499);
            }
        }

        Assert.Equal(0, await app.QueryAsync(db => db.PacketLinkOpens.CountAsync(Token)));
    }
}
