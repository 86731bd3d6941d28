using System.Net;
using System.Text;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class SharingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accepted_invite_puts_the_plan_in_the_invited_persons_list_with_their_role()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync("Maria Lopez", cancellationToken: Token);
        using var _ = owner;

        var (caregiver, _) = await app.InvitedMemberAsync(owner, plan, PlanRole.Caregiver, Token);
        using var __ = caregiver;

        var plans = await caregiver.GetAsync("/plans", Token);
        Assert.Contains(plans.Document.QuerySelectorAll(".plan-title a"), a => a.GetAttribute("href") == plan);
        Assert.Contains("Your role: Caregiver.", plans.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_link_stops_working_after_seven_days()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var email = Journeys.NewEmail();
        await owner.InviteAsync(plan, email, PlanRole.Caregiver, Token);
        using var invited = new AppClient(app);
        await invited.SignUpAsync(email, Token);

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var page = await invited.AcceptInviteAsync(app.InviteLinkFor(email), Token);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal("This invite link no longer works", page.Heading);
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(plan, Token)).Status);
    }

    [Fact]
    public async Task Invite_link_works_only_once()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (member, email) = await app.InvitedMemberAsync(owner, plan, PlanRole.Viewer, Token);
        using var __ = member;

        var again = await member.GetAsync(SharingJourneys.PathOf(app.InviteLinkFor(email)), Token);

        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Null(again.Document.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Invite_opened_by_another_signed_in_account_is_refused_and_not_accepted()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var email = Journeys.NewEmail();
        await owner.InviteAsync(plan, email, PlanRole.Caregiver, Token);
        using var stranger = new AppClient(app);
        await stranger.SignUpAsync(cancellationToken: Token);
        var path = SharingJourneys.PathOf(app.InviteLinkFor(email));

        var page = await stranger.GetAsync(path, Token);
        var posted = await stranger.PostAsync(path, new Dictionary<string, string>(), Token);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("This invite was sent to another email address. Sign out and open the link again.", page.Text, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(plan, Token)).Status);
        using var invited = new AppClient(app);
        await invited.SignUpAsync(email, Token);
        var accepted = await invited.AcceptInviteAsync(app.InviteLinkFor(email), Token);
        Assert.Equal(plan, accepted.Url.AbsolutePath);
    }

    [Fact]
    public async Task Cancelled_invite_link_no_longer_works()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var email = Journeys.NewEmail();
        var sharing = await owner.InviteAsync(plan, email, PlanRole.Caregiver, Token);

        var cancelled = await owner.SubmitAsync(sharing, new Dictionary<string, string?>(), "form[action*=Cancel]", Token);

        Assert.Contains("Its link no longer works.", cancelled.Text, StringComparison.Ordinal);
        using var invited = new AppClient(app);
        await invited.SignUpAsync(email, Token);
        var page = await invited.AcceptInviteAsync(app.InviteLinkFor(email), Token);
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(plan, Token)).Status);
    }

    [Fact]
    public async Task Sending_an_invite_again_kills_the_old_link()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var email = Journeys.NewEmail();
        var sharing = await owner.InviteAsync(plan, email, PlanRole.Caregiver, Token);
        var oldLink = app.InviteLinkFor(email);

        await owner.SubmitAsync(sharing, new Dictionary<string, string?>(), "form[action*=Resend]", Token);
        var newLink = app.InviteLinkFor(email);

        Assert.NotEqual(oldLink, newLink);
        using var invited = new AppClient(app);
        await invited.SignUpAsync(email, Token);
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(SharingJourneys.PathOf(oldLink), Token)).Status);
        var accepted = await invited.AcceptInviteAsync(newLink, Token);
        Assert.Equal(plan, accepted.Url.AbsolutePath);
    }

    [Fact]
    public async Task Viewer_cannot_add_a_question()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (viewer, _) = await app.InvitedMemberAsync(owner, plan, PlanRole.Viewer, Token);
        using var __ = viewer;
        var leave = await viewer.GetAsync($"{plan}/leave", Token);
        var antiforgery = leave.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var posted = await viewer.PostAsync($"{plan}/questions?handler=Add",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery, ["Input.Text"] = "Sneaky question" }, Token);

        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        var list = await owner.GetAsync($"{plan}/questions", Token);
        Assert.Empty(list.QuestionTexts());
    }

    [Fact]
    public async Task Caregiver_cannot_open_the_sharing_page()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (caregiver, _) = await app.InvitedMemberAsync(owner, plan, PlanRole.Caregiver, Token);
        using var __ = caregiver;

        Assert.Equal(HttpStatusCode.NotFound, (await caregiver.GetAsync($"{plan}/sharing", Token)).Status);
    }

    [Fact]
    public async Task Role_change_and_removal_count_from_the_very_next_request()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (member, email) = await app.InvitedMemberAsync(owner, plan, PlanRole.Caregiver, Token);
        using var __ = member;
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{plan}/activity", Token)).Status);

        var sharing = await owner.GetAsync($"{plan}/sharing", Token);
        var roleForm = sharing.Document.QuerySelectorAll("form[action*=Role]")
            .Single(f => f.TextContent.Contains(email, StringComparison.Ordinal));
        var memberId = roleForm.QuerySelector("input[name=memberId]")!.GetAttribute("value")!;
        await owner.SubmitAsync(sharing, new Dictionary<string, string?> { ["memberId"] = memberId, ["role"] = "Viewer" }, "form[action*=Role]", Token);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{plan}/activity", Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(plan, Token)).Status);

        sharing = await owner.GetAsync($"{plan}/sharing", Token);
        await owner.SubmitAsync(sharing, new Dictionary<string, string?> { ["memberId"] = memberId }, "form[action*=Remove]", Token);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(plan, Token)).Status);
        Assert.DoesNotContain((await member.GetAsync("/plans", Token)).Document.QuerySelectorAll(".plan-title a"), a => a.GetAttribute("href") == plan);
    }

    [Fact]
    public async Task Member_can_leave_a_plan_but_the_last_owner_cannot()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (caregiver, _) = await app.InvitedMemberAsync(owner, plan, PlanRole.Caregiver, Token);
        using var __ = caregiver;

        var left = await caregiver.SubmitAsync(await caregiver.GetAsync($"{plan}/leave", Token), new Dictionary<string, string?>(), cancellationToken: Token);

        Assert.Equal("/plans", left.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await caregiver.GetAsync(plan, Token)).Status);
        var ownerLeave = await owner.GetAsync($"{plan}/leave", Token);
        Assert.Contains("You are the only owner of this plan, so you cannot leave it.", ownerLeave.Text, StringComparison.Ordinal);
        Assert.Null(ownerLeave.Document.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Hand_over_makes_the_patient_owner_and_keeps_the_caregiver_as_caregiver()
    {
        await using var app = new TestApp();
        var (starter, plan) = await app.SignedUpWithPlanAsync("Maria Lopez", cancellationToken: Token);
        using var _ = starter;

        var (patient, _) = await app.InvitedMemberAsync(starter, plan, PlanRole.Owner, Token);
        using var __ = patient;

        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"{plan}/sharing", Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await starter.GetAsync($"{plan}/sharing", Token)).Status);
        Assert.Contains("Your role: Caregiver.", (await starter.GetAsync("/plans", Token)).Text, StringComparison.Ordinal);
        Assert.Contains("Your role: Owner.", (await patient.GetAsync("/plans", Token)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_lists_a_caregivers_reads_and_changes_in_plain_words_without_health_details()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (caregiver, email) = await app.InvitedMemberAsync(owner, plan, PlanRole.Caregiver, Token);
        using var __ = caregiver;
        const string Private = "Is the tumour in my liver spreading?";

        await caregiver.AddQuestionAsync(plan, Private, Token);
        var activity = await owner.GetAsync($"{plan}/activity", Token);

        var lines = activity.Document.QuerySelectorAll(".activity-list li").Select(li => li.TextContent).ToList();
        Assert.Contains(lines, l => l.StartsWith($"{email} added a question.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{email} opened the questions page.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("joined the plan as caregiver", StringComparison.Ordinal));
        Assert.DoesNotContain("tumour", activity.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(lines, l => l.StartsWith("You opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Viewer_cannot_open_the_activity_list()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (viewer, _) = await app.InvitedMemberAsync(owner, plan, PlanRole.Viewer, Token);
        using var __ = viewer;

        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"{plan}/activity", Token)).Status);
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Raw_invite_token_is_never_written_to_the_database_files()
    {
        await using var app = new TestApp();
        var (owner, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var email = Journeys.NewEmail();
        await owner.InviteAsync(plan, email, PlanRole.Caregiver, Token);
        var token = SharingJourneys.PathOf(app.InviteLinkFor(email))["/invites/".Length..];
        var tokenBytes = Encoding.UTF8.GetBytes(token);

        var files = await app.DatabaseFileBytesAsync(Token);

        Assert.NotEmpty(files);
        Assert.All(files, bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf(tokenBytes)));
    }
}
