using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SecondOpinion.Web.Pages.Shared.Forms;

/// <summary>
/// The list of problems at the top of a form, each linking to its field. Renders nothing when the
/// form has no errors. Script moves focus here when the page loads, so it is read out first.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var problems = ViewContext.ModelState
            .Where(entry => entry.Value?.Errors.Count > 0)
            .Select(entry => (Key: entry.Key, Message: entry.Value!.Errors[0].ErrorMessage))
            .ToList();
        if (problems.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("data-error-summary", null);
        var content = output.Content;
        content.AppendHtml("<h2 id=\"error-summary-title\">");
        content.Append(problems.Count == 1 ? "There is a problem" : $"There are {problems.Count} problems");
        content.AppendHtml("</h2><ul>");
        foreach (var (key, message) in problems)
        {
            var text = HtmlEncoder.Default.Encode(message);
            content.AppendHtml(key.Length == 0
                ? $"<li>{text}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{text}</a></li>");
        }

        content.AppendHtml("</ul>");
    }
}
