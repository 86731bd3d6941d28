using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecondOpinion.Web.Infrastructure.Privacy;

/// <summary>
/// The export as one printable web page that works on its own, saved to the person's computer:
/// each plan a section, each list a heading, each row its fields and values. It is drawn from the
/// JSON document, so the page and the file always hold the same things.
/// </summary>
public static partial class PersonalDataPage
{
    public static string Render(JsonObject export)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Your data from SecondOpinion</title>
            <style>
            body { font: 18px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 1rem auto; padding: 0 1rem; color: #1b1b1b; }
            dl { display: grid; grid-template-columns: minmax(8rem, 1fr) 3fr; gap: .25rem 1rem; margin: 0 0 1rem; }
            dt { font-weight: 700; } dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
            section { border-top: 1px solid #767676; padding-top: .5rem; }
            @media print { section { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>Your data from SecondOpinion</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>Made on {Encode(Value(export["MadeAtUtc"]))}. It holds your account and every plan you are a member of.</p>\n");
        html.Append("<h2>Your account</h2>\n");
        Fields(html, (JsonObject)export["Account"]!, level: 3);
        foreach (var plan in ((JsonArray)export["Plans"]!).OfType<JsonObject>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(Value(plan["Title"]))}</h2>\n");
            Fields(html, plan, level: 3);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Plain values as a list of names and values, then each list under its own heading.</summary>
    private static void Fields(StringBuilder html, JsonObject row, int level)
    {
        var plain = row.Where(p => p.Value is not JsonArray).ToList();
        if (plain.Count > 0)
        {
            html.Append("<dl>\n");
            foreach (var (name, value) in plain)
            {
                html.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(Label(name))}</dt><dd>{Encode(Value(value))}</dd>\n");
            }

            html.Append("</dl>\n");
        }

        foreach (var (name, value) in row.Where(p => p.Value is JsonArray))
        {
            var items = (JsonArray)value!;
            html.Append(CultureInfo.InvariantCulture, $"<section>\n<h{level}>{Encode(Label(name))}</h{level}>\n");
            if (items.Count == 0)
            {
                html.Append("<p>None.</p>\n");
            }

            foreach (var item in items)
            {
                if (item is JsonObject nested)
                {
                    Fields(html, nested, Math.Min(level + 1, 6));
                }
                else
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(Value(item))}</p>\n");
                }
            }

            html.Append("</section>\n");
        }
    }

    private static string Value(JsonNode? value) => value switch
    {
        null => "(empty)",
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "Yes",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "No",
        // Times are UTC; a date alone ("2026-03-15") stays as it is.
        JsonValue v when v.TryGetValue(out string? text) =>
            text.Contains('T', StringComparison.Ordinal) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? Time(time) : text,
        JsonValue v when v.TryGetValue(out DateTime time) => Time(time),
        JsonObject o => string.Join("; ", o.Select(p => $"{Label(p.Key)}: {Value(p.Value)}")),
        _ => value.ToJsonString(),
    };

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"PatientDateOfBirth" becomes "Patient date of birth"; "AtUtc" times say UTC in their value.</summary>
    private static string Label(string name)
    {
        var words = WordStart().Replace(name.EndsWith("Utc", StringComparison.Ordinal) ? name[..^3] : name, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    [GeneratedRegex("(?<!^)([A-Z][a-z]|(?<=[a-z])[A-Z])")]
    private static partial Regex WordStart();
}
