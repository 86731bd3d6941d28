using Microsoft.AspNetCore.Razor.TagHelpers;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Shared.Forms;

/// <summary>A step's status as a small tag. The words carry the meaning; the colour only helps.</summary>
[HtmlTargetElement("status-tag", Attributes = "status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusTagTagHelper : TagHelper
{
    public StepStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"tag tag--{Status.ToString().ToLowerInvariant()}");
        output.Content.SetContent(Status.Label());
    }
}
