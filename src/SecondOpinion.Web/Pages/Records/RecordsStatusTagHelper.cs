using Microsoft.AspNetCore.Razor.TagHelpers;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>
/// A records request's status as a small tag, and, when given a deadline that is near or past,
/// a second tag saying so. The words carry the meaning; the colour only helps.
/// </summary>
[HtmlTargetElement("records-status", Attributes = "status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RecordsStatusTagHelper : TagHelper
{
    public RecordsRequestStatus Status { get; set; }

    public RecordsDeadline? Deadline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "records-tags");
        output.Content.AppendHtml($"<strong class=\"tag tag--records-{Status.ToString().ToLowerInvariant()}\">");
        output.Content.Append(Status.Label());
        output.Content.AppendHtml("</strong>");
        if (Deadline is { State: not RecordsDueState.Waiting } deadline)
        {
            output.Content.AppendHtml($" <strong class=\"tag tag--records-{deadline.State.ToString().ToLowerInvariant()}\">");
            output.Content.Append(deadline.State.Label());
            output.Content.AppendHtml("</strong>");
        }
    }
}
