using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondOpinion.Web.Pages;

/// <summary>
/// Shown for error status codes and for unexpected failures. It handles every method, because a
/// failed POST is shown again here as a POST, and it must never fail itself.
/// </summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public IReadOnlyList<string> Lines { get; private set; } = [];

    public void OnGet(int? code) => Describe(code ?? StatusCodes.Status500InternalServerError);

    public void OnPost(int? code) => OnGet(code);

    private void Describe(int code)
    {
        Response.StatusCode = code;
        (Heading, Lines) = code switch
        {
            StatusCodes.Status404NotFound => ("We could not find that page",
                (IReadOnlyList<string>)["The link may be wrong, or the page may have been removed.",
                    "If someone shared a plan with you, ask them to check that you still have access."]),
            StatusCodes.Status403Forbidden => ("You can look but not change this",
                ["You can see this plan, but you cannot make changes to it. Ask the plan's owner if you need to."]),
            StatusCodes.Status400BadRequest => ("We could not accept that form",
                ["This can happen if the page was open for a long time.",
                    "Go back, reload the page, and try again. We are sorry for the trouble."]),
            _ => ("Sorry, something went wrong on our side",
                ["What you just sent may not have been saved. Go back and check, then try again.",
                    "If it keeps happening, try again later."]),
        };
    }
}
