using AngleSharp.Html.Dom;

namespace SecondOpinion.TestSupport;

/// <summary>Shortcuts for tests of visit packet links, done through the plan's packet links page.</summary>
public static class PacketJourneys
{
    /// <summary>
    /// Makes a link on the packet links page (with the days typed, or the form's default); returns
    /// the page shown after it and the path of the link it showed ("/packet/…").
    /// </summary>
    public static async Task<(HtmlPage Page, string Path)> MakePacketLinkAsync(
        this AppClient client, string plan, string? days = null, bool shareWithClinic = false, CancellationToken cancellationToken = default)
    {
        var form = await client.GetAsync($"{plan}/packet", cancellationToken);
        var page = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Days"] = days,
            ["Input.ShareWithClinic"] = shareWithClinic ? "true" : null,
        }, "form#make-link-form", cancellationToken);
        var link = page.Document.QuerySelector("#new-link") is IHtmlInputElement shown
            ? shown.Value
            : throw new InvalidOperationException($"Making a packet link ended on {page.Url} ({page.Status}) without a link: {page.ErrorSummary}");
        return (page, new Uri(link).AbsolutePath);
    }

    /// <summary>Ends the first active link on the packet links page; returns the page after.</summary>
    public static async Task<HtmlPage> RevokeFirstPacketLinkAsync(this AppClient client, string plan, CancellationToken cancellationToken = default)
    {
        var page = await client.GetAsync($"{plan}/packet", cancellationToken);
        return await client.SubmitAsync(page, new Dictionary<string, string?>(), "form[action*=Revoke]", cancellationToken);
    }
}
