using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;

namespace SecondOpinion.IntegrationTests;

/// <summary>
/// Generated bad input to every form and handler of a seeded plan: the handlers come from the
/// endpoint data source, the fields from the forms the pages render. However bad the input, the
/// app answers below 500, stores no control characters and nothing over a column's length,
/// changes nothing in another plan, saves nothing when it turns a post down (any answer but a
/// redirect), and never renders what a person typed as markup.
/// The suite runs 1,500 inputs; <c>bench/fuzz.sh</c> runs 10,000 (<c>FUZZ_INPUTS</c>).
/// </summary>
public class FuzzTests
{
    private const int Seed = 20261204;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] MethodsPagesDoNotHave = ["PUT", "DELETE", "PATCH", "PROPFIND"];

    [Fact]
    public async Task Bad_inputs_to_every_form_never_fail_the_app_store_bad_text_or_render_as_markup()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_INPUTS"), out var asked) ? asked : 1_500;
        await using var app = new TestApp();
        using var owner = new AppClient(app, followRedirects: false);
        using var anonymous = new AppClient(app, followRedirects: false);
        using var stranger = new AppClient(app, followRedirects: false);
        var ownerEmail = Journeys.NewEmail();
        var strangerEmail = Journeys.NewEmail();
        await owner.SignUpAsync(ownerEmail, Token);
        await stranger.SignUpAsync(strangerEmail, Token);
        var plan = await SeededPlan.SeedAsync(app, await UserIdAsync(app, ownerEmail));
        var other = await SeededPlan.SeedAsync(app, await UserIdAsync(app, strangerEmail));
        var otherBefore = await other.SnapshotAsync(app);
        var staleToken = await stranger.AntiforgeryTokenAsync(Token);

        var targets = await TargetsAsync(app, owner, anonymous, plan);
        var fromForms = targets.Count(t => t.FromForm);
        Assert.True(fromForms >= 35, $"Only {fromForms} forms were found on the pages.");

        var random = new Random(Seed);
        var failures = new List<string>();
        var planBefore = await plan.SnapshotAsync(app);
        for (var i = 0; i < count && failures.Count < 20; i++)
        {
            var target = targets[random.Next(targets.Count)];
            var marker = $"fz{i}";
            var (method, action, fields, label) = Mutate(random, target, marker, plan, other, staleToken);
            using var response = await SendAsync(target.Client, method, action, fields);
            var body = await response.Content.ReadAsStringAsync(Token);
            var status = (int)response.StatusCode;
            var planAfter = await plan.SnapshotAsync(app);
            if (status >= 500)
            {
                failures.Add($"{method} {action} ({label}): {status}");
            }
            else if (RendersMarkup(body))
            {
                failures.Add($"{method} {action} ({label}): typed markup came back as markup");
            }
            else if (planAfter != planBefore && status is < 300 or >= 400)
            {
                failures.Add($"{method} {action} ({label}): saved although answered {status}");
            }

            planBefore = planAfter;
        }

        Assert.True(failures.Count == 0, $"Seed {Seed}:\n" + string.Join("\n", failures));
        Assert.Equal(otherBefore, await other.SnapshotAsync(app));
        Assert.Empty(await StoredTextProblemsAsync(app));
        foreach (var page in targets.Select(t => t.PagePath).Where(p => p.StartsWith(plan.Path, StringComparison.Ordinal)).Distinct())
        {
            var shown = await owner.GetAsync(page, Token);
            Assert.True((int)shown.Status < 500, $"{page} answered {shown.Status} after the bad input");
            Assert.False(RendersMarkup(shown.Html), $"{page} renders typed markup as markup");
        }
    }

    /// <summary>One place to post to: a form as a page renders it, or a handler with no form on the page.</summary>
    private sealed record Target(AppClient Client, string PagePath, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, bool FromForm);

    private static async Task<List<Target>> TargetsAsync(TestApp app, AppClient owner, AppClient anonymous, SeededPlan plan)
    {
        var targets = new List<Target>();
        foreach (var route in Endpoints.Pages(app))
        {
            var isAccount = route.Template.StartsWith("account/", StringComparison.Ordinal) || route.Template.StartsWith("invites/", StringComparison.Ordinal);
            if (route.Template == "account/sign-out")
            {
                continue; // Signing out the owner would make every later input a sign-in redirect.
            }

            var client = isAccount ? anonymous : owner;
            var path = plan.PathFor(route.Template);
            var page = await client.GetAsync(path, Token);
            var forms = page.Status == HttpStatusCode.OK
                ? page.Document.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().ToList()
                : [];
            foreach (var form in forms)
            {
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
                targets.Add(new Target(client, path, action, FieldsOf(form), FromForm: true));
            }

            foreach (var (method, handler) in route.Handlers.Where(h => h.Method == "POST"))
            {
                var action = handler is null ? path : $"{path}?handler={handler}";
                if (!targets.Any(t => t.Action.StartsWith(action, StringComparison.Ordinal)))
                {
                    var token = isAccount ? "" : await client.AntiforgeryTokenAsync(Token);
                    targets.Add(new Target(client, path, action, plan.FieldsFor(route.Template, token).ToList(), FromForm: false));
                }
            }
        }

        return targets;
    }

    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        return fields;
    }

    /// <summary>One bad request made from a target: which method, to where, which fields, and a label for the failure list.</summary>
    private static (string Method, string Action, List<KeyValuePair<string, string>> Fields, string Label) Mutate(
        Random random, Target target, string marker, SeededPlan plan, SeededPlan other, string staleToken)
    {
        var action = target.Action;
        var fields = target.Fields.ToList();
        var editable = Enumerable.Range(0, fields.Count).Where(i => fields[i].Key != "__RequestVerificationToken").ToList();
        switch (random.Next(15))
        {
            case 0:
                fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
                return ("POST", action, fields, "no antiforgery token");
            case 1:
                Replace(fields, "__RequestVerificationToken", staleToken);
                return ("POST", action, fields, "another session's antiforgery token");
            case 2:
                return (MethodsPagesDoNotHave[random.Next(MethodsPagesDoNotHave.Length)], action, fields, "a method pages do not have");
            case 3:
                fields.AddRange(Enumerable.Range(0, 1_100).Select(n => new KeyValuePair<string, string>($"extra{n}", "x")));
                return ("POST", action, fields, "too many fields");
            case 4:
                foreach (var (name, row) in SeededPlan.FormIdFields)
                {
                    Replace(fields, name, other.Id(row));
                }

                return ("POST", action, fields, "ids of another plan");
            case 5:
                return ("POST", action.Replace(plan.PlanId.ToString(), other.PlanId.ToString(), StringComparison.Ordinal), fields, "another plan's address");
            case 6:
                fields.Add(new("Input.PlanId", other.PlanId.ToString()));
                fields.Add(new("planId", other.PlanId.ToString()));
                fields.Add(new($"<b data-fz=\"{marker}\">", BadValue(random, marker)));
                return ("POST", action, fields, "unknown fields");
            case 7:
                var handler = BadValue(random, marker);
                return ("POST", action + (action.Contains('?') ? "&" : "?") + "handler=" + Uri.EscapeDataString(handler), fields, $"handler {Describe(handler)}");
            case 8:
                foreach (var i in editable)
                {
                    fields[i] = new(fields[i].Key, BadValue(random, marker));
                }

                return ("POST", action, fields, "every field bad");
            default:
                if (editable.Count == 0)
                {
                    fields.Add(new("Input.Text", BadValue(random, marker)));
                    return ("POST", action, fields, "an unexpected field");
                }

                var index = editable[random.Next(editable.Count)];
                var value = BadValue(random, marker);
                fields[index] = new(fields[index].Key, value);
                return ("POST", action, fields, $"{fields[index].Key} = {Describe(value)}");
        }
    }

    private static void Replace(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        if (index >= 0)
        {
            fields[index] = new(name, value);
        }
    }

    /// <summary>A value no form should take as it is.</summary>
    private static string BadValue(Random random, string marker) => random.Next(31) switch
    {
        24 => new string('ü', 70_000),
        25 => $"</textarea><script>{marker}</script>",
        26 => "'; DROP TABLE \"Plans\"; --",
        27 => "0x10",
        28 => "31/12/2026",
        29 => "\uFEFFhidden",
        30 => "3.5",
        0 => "",
        1 => "   ",
        2 => new string('a', 10_001),
        3 => "\0",
        4 => $"before\0after {marker}",
        5 => "\u0001\u0007\u001b[31m\u007f",
        6 => $"\u202e{marker} evil\u202c \u200f",
        7 => "مرحبا Привет 你好 שלום e\u0301 👩🏽‍⚕️",
        8 => $"<script>{marker}</script>",
        9 => $"\"><b data-fz=\"{marker}\">x</b>",
        10 => $"'><i data-fz='{marker}'>",
        11 => "-1",
        12 => "2147483648",
        13 => "99999999999999999999999",
        14 => "1e309",
        15 => "NaN",
        16 => "2023-02-30",
        17 => "0000-00-00",
        18 => "9999-12-31",
        19 => "25:61",
        20 => "Owner",
        21 => new string('x', 200) + "\r\n\r\n" + marker,
        22 => "%00%ff",
        _ => $"javascript:alert('{marker}')",
    };

    private static string Describe(string value) => value.Length > 40
        ? $"{value.Length} characters"
        : string.Concat(value.Select(c => char.IsControl(c) || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>
    /// Whether a marker someone typed came back as a tag or a link, not as encoded text. Encoded,
    /// "&lt;b data-fz" still holds the words "data-fz", so the check looks for the opening bracket.
    /// </summary>
    private static bool RendersMarkup(string html) =>
        html.Contains("<script>fz", StringComparison.Ordinal)
        || html.Contains("<b data-fz", StringComparison.Ordinal)
        || html.Contains("<i data-fz", StringComparison.Ordinal)
        || html.Contains("href=\"javascript:", StringComparison.OrdinalIgnoreCase);

    private static async Task<HttpResponseMessage> SendAsync(AppClient client, string method, string action, List<KeyValuePair<string, string>> fields)
    {
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        using var request = new HttpRequestMessage(new HttpMethod(method), action)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        return await client.Http.SendAsync(request, Token);
    }

    private static Task<string> UserIdAsync(TestApp app, string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Token));

    /// <summary>Every stored text, in every table of the model: no control characters but line breaks and tabs, and none longer than its column allows.</summary>
    private static Task<List<string>> StoredTextProblemsAsync(TestApp app) => app.QueryAsync(async db =>
    {
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType != typeof(Dictionary<string, object>)))
        {
            var rows = await QueryAllAsync(db, entity.ClrType);
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo is not null))
            {
                foreach (var value in rows.Select(row => property.PropertyInfo!.GetValue(row) as string).OfType<string>())
                {
                    if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
                    {
                        problems.Add($"{entity.ClrType.Name}.{property.Name} holds a control character");
                    }

                    if (property.GetMaxLength() is { } max && value.Length > max)
                    {
                        problems.Add($"{entity.ClrType.Name}.{property.Name} holds {value.Length.ToString(CultureInfo.InvariantCulture)} characters (at most {max})");
                    }
                }
            }
        }

        return problems.Distinct().ToList();
    });

    private static async Task<List<object>> QueryAllAsync(DbContext db, Type entityType)
    {
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entityType).Invoke(db, null)!;
        var query = ((IQueryable<object>)set).AsNoTracking().IgnoreQueryFilters();
        return await query.ToListAsync(Token);
    }
}
