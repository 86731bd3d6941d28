using SecondOpinion.Web.Domain;

namespace SecondOpinion.TestSupport;

/// <summary>Shortcuts for tests of sharing: invite from the sharing page, read the emailed link, accept it.</summary>
public static class SharingJourneys
{
    /// <summary>Sends an invite from the plan's sharing page; returns the page after the redirect.</summary>
    public static async Task<HtmlPage> InviteAsync(this AppClient owner, string plan, string email, PlanRole role, CancellationToken cancellationToken = default)
    {
        var sharing = await owner.GetAsync($"{plan}/sharing", cancellationToken);
        return await owner.SubmitAsync(sharing, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Role"] = role.ToString(),
        }, "form#invite-form", cancellationToken);
    }

    /// <summary>The invite link in the newest email to this address.</summary>
    public static string InviteLinkFor(this TestApp app, string email) => app.LinkInNewestEmailTo(email, "/invites/");

    /// <summary>The path and token of an invite link ("/invites/…").</summary>
    public static string PathOf(string link) => new Uri(link).AbsolutePath;

    /// <summary>Opens the invite link and accepts it; returns the page after the redirect (the plan's home when it worked).</summary>
    public static async Task<HtmlPage> AcceptInviteAsync(this AppClient client, string link, CancellationToken cancellationToken = default)
    {
        var page = await client.GetAsync(PathOf(link), cancellationToken);
        return page.Document.QuerySelector("main form[method=post]") is null
            ? page
            : await client.SubmitAsync(page, new Dictionary<string, string?>(), cancellationToken: cancellationToken);
    }

    /// <summary>A new account, invited by the owner with a role, that has accepted: the whole journey through the pages.</summary>
    public static async Task<(AppClient Client, string Email)> InvitedMemberAsync(
        this TestApp app, AppClient owner, string plan, PlanRole role, CancellationToken cancellationToken = default)
    {
        var email = Journeys.NewEmail();
        await owner.InviteAsync(plan, email, role, cancellationToken);
        var client = new AppClient(app);
        await client.SignUpAsync(email, cancellationToken);
        var home = await client.AcceptInviteAsync(app.InviteLinkFor(email), cancellationToken);
        if (!home.Url.AbsolutePath.Equals(plan, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Accepting the invite ended on {home.Url}: {home.Heading}");
        }

        return (client, email);
    }
}
