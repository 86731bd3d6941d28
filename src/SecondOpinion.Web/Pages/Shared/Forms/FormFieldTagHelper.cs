using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SecondOpinion.Web.Pages.Shared.Forms;

/// <summary>
/// One form field, the same way everywhere: a label (or legend), an optional hint, the error
/// message beside the field, and the control, tied together with aria-describedby. What the
/// person typed comes back from model state, so nothing is lost when a form is shown again.
/// </summary>
/// <example><c>&lt;form-field for="Input.Email" label="Email address" type="email" autocomplete="email" /&gt;</c></example>
[HtmlTargetElement("form-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>text, email, password, tel, url, date, time, number, textarea, select or radios.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public bool Optional { get; set; }

    public int Rows { get; set; } = 5;

    /// <summary>"short" or "medium" narrows the control; long text stays full width.</summary>
    public string? Width { get; set; }

    public IEnumerable<SelectListItem>? Items { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var error = ViewContext.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add($"{id}-hint");
        }

        if (error is not null)
        {
            describedBy.Add($"{id}-error");
        }

        output.TagName = Type == "radios" ? "fieldset" : "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field--error");
        if (Type == "radios" && describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }

        var content = output.Content;
        content.AppendHtml(Type == "radios" ? Legend() : LabelFor(id));
        if (Hint is not null)
        {
            content.AppendHtml($"<p class=\"hint\" id=\"{id}-hint\">{Encode(Hint)}</p>");
        }

        if (error is not null)
        {
            content.AppendHtml($"<p class=\"field-error\" id=\"{id}-error\"><span class=\"visually-hidden\">Error: </span>{Encode(error)}</p>");
        }

        var attributes = new Dictionary<string, object?> { ["id"] = id };
        if (Type != "radios" && describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (error is not null)
        {
            attributes["aria-invalid"] = "true";
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (Width is not null)
        {
            attributes["class"] = $"width-{Width}";
        }

        content.AppendHtml(Control(id, attributes));
    }

    private IHtmlContent Control(string id, Dictionary<string, object?> attributes)
    {
        switch (Type)
        {
            case "textarea":
                return generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, 0, attributes);
            case "select":
                return generator.GenerateSelect(ViewContext, For.ModelExplorer, null, For.Name, Items ?? [], false, attributes);
            case "password":
                return generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, attributes);
            case "radios":
                return Radios(id);
            default:
                attributes["type"] = Type;
                var format = Type switch { "date" => "{0:yyyy-MM-dd}", "time" => "{0:HH\\:mm}", _ => null };
                return generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, format, attributes);
        }
    }

    private HtmlContentBuilder Radios(string id)
    {
        var list = new HtmlContentBuilder();
        list.AppendHtml("<div class=\"radios\">");
        var index = 0;
        foreach (var item in Items ?? [])
        {
            // The first radio takes the field's own id, so the error summary's link lands on it.
            var radioId = index == 0 ? id : $"{id}_{index}";
            list.AppendHtml("<div class=\"radio\">");
            list.AppendHtml(generator.GenerateRadioButton(ViewContext, For.ModelExplorer, For.Name, item.Value, null,
                new Dictionary<string, object?> { ["id"] = radioId }));
            list.AppendHtml($"<label for=\"{radioId}\">{Encode(item.Text)}</label></div>");
            index++;
        }

        list.AppendHtml("</div>");
        return list;
    }

    private string LabelFor(string id) => $"<label for=\"{id}\">{Encode(Label)}{OptionalMark()}</label>";

    private string Legend() => $"<legend>{Encode(Label)}{OptionalMark()}</legend>";

    private string OptionalMark() => Optional ? " <span class=\"optional\">(optional)</span>" : "";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
