using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace SecondOpinion.TestSupport;

/// <summary>A page the app returned: its status, where it ended up, and its parsed HTML.</summary>
public sealed record HtmlPage(HttpStatusCode Status, Uri Url, IHtmlDocument Document, string Html)
{
    public string Text => Document.Body?.TextContent ?? "";

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    /// <summary>The message shown beside a field, by the field's id (Input_Email).</summary>
    public string? FieldError(string fieldId) =>
        Document.GetElementById($"{fieldId}-error")?.TextContent.Replace("Error: ", "", StringComparison.Ordinal).Trim();

    public string? ErrorSummary => Document.QuerySelector(".error-summary")?.TextContent;

    public string? Value(string fieldId) => Document.GetElementById(fieldId) switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlInputElement input => input.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };
}

/// <summary>
/// Drives the app the way a browser without JavaScript would: get a page, fill its form (keeping
/// the hidden antiforgery token and every other field the page set), post it, follow redirects.
/// </summary>
public sealed class AppClient : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public AppClient(TestApp app, bool followRedirects = true)
    {
        App = app;
        var cookies = new CookieContainerHandler(Cookies);
        Http = followRedirects
            ? app.CreateDefaultClient(new Uri("http://localhost"), new RedirectHandler(), cookies)
            : app.CreateDefaultClient(new Uri("http://localhost"), cookies);
    }

    /// <summary>The app this client talks to (its emails, its database); none for an app in another process.</summary>
    public TestApp? App { get; }

    /// <summary>This client's cookies, to copy into another client (a stolen cookie).</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>A client of an app running in another process, at <paramref name="address"/>.</summary>
    public AppClient(Uri address, bool followRedirects = true) =>
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = address };

    public HttpClient Http { get; }

    public async Task<HtmlPage> GetAsync(string url, CancellationToken cancellationToken = default) =>
        await ReadAsync(await Http.GetAsync(url, cancellationToken), cancellationToken);

    /// <summary>
    /// Posts the page's form (by default the first one in the main content) with the given
    /// values laid over what the form already holds. A null value leaves the field out.
    /// </summary>
    public async Task<HtmlPage> SubmitAsync(
        HtmlPage page,
        IReadOnlyDictionary<string, string?> values,
        string formSelector = "main form[method=post]",
        CancellationToken cancellationToken = default)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !values.ContainsKey(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !values.ContainsKey(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : new Uri(page.Url, form.GetAttribute("action"));
        using var content = new FormUrlEncodedContent(fields);
        return await ReadAsync(await Http.PostAsync(action, content, cancellationToken), cancellationToken);
    }

    public async Task<HtmlPage> PostAsync(string url, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await ReadAsync(await Http.PostAsync(url, content, cancellationToken), cancellationToken);
    }

    public void Dispose() => Http.Dispose();

    private static async Task<HtmlPage> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            var url = response.Headers.Location is { } location
                ? new Uri(response.RequestMessage!.RequestUri!, location)
                : response.RequestMessage!.RequestUri!;
            return new HtmlPage(response.StatusCode, url, Parser.ParseDocument(html), html);
        }
    }
}
