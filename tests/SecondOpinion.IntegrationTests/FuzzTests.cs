using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// Generated bad input to every form of a seeded plan, found from the endpoint data source and the
/// forms the pages render: never a 5xx, never a person's text shown as markup, and nothing saved
/// by a post the app turned down (anything but a redirect). The suite posts 1,500; <c>bench/fuzz.sh</c>
/// posts 10,000 (FUZZ_COUNT).
/// </summary>
public partial class FuzzTests
{
    private const string Marker = "<script>fz(";

    private static readonly string[] BadValues =
    [
        new('a', 5_000), new('ü', 70_000), "\0", "before\0after", "tab\tbell\aescape\u001b\u007f", "\u202Eevil\u202C \u200F\u200E",
        "Ваня مرحبا 你好 שלום", $"{Marker}1)</script>", "\"><img src=x onerror=fz(2)>", "</textarea><script>fz(3)</script>",
        "-1", "0", "2147483648", "-2147483649", "99999999999999999999999", "1e309", "NaN", "3.5", "0x10",
        "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "0001-01-01", "31/12/2026", "25:61", "yesterday",
        "'; DROP TABLE \"Plans\"; --", "", " ", "on", "true", "Owner", "Viewer", "99", "\uFEFFhidden", "😀😀😀",
    ];

    private static readonly HttpMethod[] WrongMethods = [HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, new("PROPFIND")];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_COUNT"), out var count) ? count : 1_500;

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Bad_input_to_every_form_never_fails_never_renders_as_markup_and_saves_nothing_when_refused()
    {
        await using var app = new TestApp();
        var email = Journeys.NewEmail();
        using var owner = new AppClient(app);
        await owner.SignUpAsync(email, Token);
        var plan = Journeys.PlanPath((await owner.StartPlanAsync("Sam Fuzz", "A second look at the scan.", Token)).Url);
        await owner.AddQuestionAsync(plan, "What are my choices?", Token);
        await owner.AddDoctorAsync(plan, "Dr. Ada Lee", cancellationToken: Token);
        await owner.StartRecordsRequestAsync(plan, RecordsJourneys.CompleteAuthorization(app), Token);
        var (stranger, otherPlan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = stranger;
        var strangersToken = await stranger.AntiforgeryTokenAsync(Token);

        // The fuzzing client does not follow redirects, so a refused post and a saved one differ.
        using var client = new AppClient(app, followRedirects: false);
        await client.SignInAsync(email, cancellationToken: Token);
        var forms = await PlanFormsAsync(app, client, TestData.PlanId(plan));
        Assert.True(forms.Count >= 25, $"Only {forms.Count} forms were found.");

        await using var watch = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await watch.OpenAsync(Token);
        var random = new Random(20261204);
        var problems = new List<string>();
        for (var i = 0; i < Count && problems.Count < 10; i++)
        {
            var form = forms[random.Next(forms.Count)];
            var (method, url, fields, what) = Attack(random, form, TestData.PlanId(plan), TestData.PlanId(otherPlan), strangersToken);
            var before = await DataVersionAsync(watch);
            using var request = new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent(fields) };
            using var response = await client.Http.SendAsync(request, Token);
            var html = await response.Content.ReadAsStringAsync(Token);
            var status = (int)response.StatusCode;
            var saved = await DataVersionAsync(watch) != before;
            if (status >= 500)
            {
                problems.Add($"{status} for {what}");
            }
            else if (html.Contains(Marker, StringComparison.Ordinal) || html.Contains("<img src=x", StringComparison.Ordinal))
            {
                problems.Add($"markup shown for {what}");
            }
            else if (saved && status is < 300 or >= 400)
            {
                problems.Add($"saved although refused with {status}: {what}");
            }
        }

        // What was saved (markup in a question, say) is shown as text on every page afterwards too.
        foreach (var path in forms.Select(f => f.Page).Distinct())
        {
            using var page = await client.Http.GetAsync(path, Token);
            Assert.True((int)page.StatusCode < 500, $"{page.StatusCode} for {path} after the fuzzing");
            Assert.DoesNotContain(Marker, await page.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        Assert.Empty(problems);
    }

    private sealed record Form(string Page, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields);

    /// <summary>Every post form on every page of the plan that opens (routes from the endpoint data source; ids 1 are the seeded rows).</summary>
    private static async Task<List<Form>> PlanFormsAsync(TestApp app, AppClient client, Guid planId)
    {
        var forms = new List<Form>();
        var templates = Endpoints.Pages(app).Select(p => p.Template).Where(t => t.StartsWith("plans/{planId", StringComparison.Ordinal));
        var paths = templates.SelectMany(t => new[] { Endpoints.PathFor(t, planId), Endpoints.PathFor(OptionalParameter().Replace(t, ""), planId) }).Distinct();
        foreach (var path in paths)
        {
            var page = await client.GetAsync(path, Token);
            if (page.Status != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var form in page.Document.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>())
            {
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
                var fields = form.Elements.Select(e => e switch
                    {
                        IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false } => null,
                        IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) => new KeyValuePair<string, string>?(new(input.Name, input.Value)),
                        IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) => new(area.Name, area.Value),
                        IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) => new(select.Name, select.Value ?? ""),
                        _ => null,
                    })
                    .OfType<KeyValuePair<string, string>>()
                    .ToList();
                forms.Add(new Form(path, action, fields));
            }
        }

        return forms;
    }

    /// <summary>One bad request made from a real form: a bad value in one field or all, no or someone else's antiforgery token, a wrong method, too many fields, another plan's id.</summary>
    private static (HttpMethod Method, string Url, List<KeyValuePair<string, string>> Fields, string What) Attack(
        Random random, Form form, Guid planId, Guid otherPlanId, string strangersToken)
    {
        var fields = form.Fields.ToList();
        var value = BadValues[random.Next(BadValues.Length)];
        var shown = value.Length > 40 ? $"{value.Length} × '{value[0]}'" : value;
        var inputs = fields.Select((f, i) => (f.Key, i)).Where(f => f.Key != "__RequestVerificationToken").Select(f => f.i).ToList();
        switch (random.Next(10))
        {
            case 0:
                fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
                return (HttpMethod.Post, form.Action, fields, $"no antiforgery token to {form.Action}");
            case 1:
                fields = fields.Select(f => f.Key == "__RequestVerificationToken" ? new(f.Key, strangersToken) : f).ToList();
                return (HttpMethod.Post, form.Action, fields, $"someone else's antiforgery token to {form.Action}");
            case 2:
                var method = WrongMethods[random.Next(WrongMethods.Length)];
                return (method, form.Action, fields, $"{method} to {form.Action}");
            case 3:
                fields.AddRange(Enumerable.Range(0, 1_100).Select(i => new KeyValuePair<string, string>($"extra{i}", "1")));
                return (HttpMethod.Post, form.Action, fields, $"1,100 extra fields to {form.Action}");
            case 4:
                return (HttpMethod.Post, form.Action.Replace(planId.ToString(), otherPlanId.ToString(), StringComparison.Ordinal), fields,
                    $"another plan's address for {form.Action}");
            case 5:
                fields = fields.Select(f => f.Key == "__RequestVerificationToken" ? f : new(f.Key, value)).ToList();
                return (HttpMethod.Post, form.Action, fields, $"'{shown}' in every field of {form.Action}");
            case 6:
                fields.Add(new("Input.PlanId", otherPlanId.ToString()));
                fields.Add(new("planId", otherPlanId.ToString()));
                fields.Add(new($"<b>{value}</b>", value));
                return (HttpMethod.Post, form.Action, fields, $"unknown fields with '{shown}' to {form.Action}");
            default:
                if (inputs.Count == 0)
                {
                    return (HttpMethod.Post, form.Action + (form.Action.Contains('?') ? "&" : "?") + "handler=" + Uri.EscapeDataString(value), fields,
                        $"handler '{shown}' on {form.Action}");
                }

                var index = inputs[random.Next(inputs.Count)];
                var name = fields[index].Key;
                fields[index] = new(name, value);
                return (HttpMethod.Post, form.Action, fields, $"{name} = '{shown}' to {form.Action}");
        }
    }

    /// <summary>Changes whenever any other connection has committed a change to the database.</summary>
    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    [GeneratedRegex(@"/\{\w+:int\?\}")]
    private static partial Regex OptionalParameter();
}
