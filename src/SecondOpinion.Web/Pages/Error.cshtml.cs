using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondOpinion.Web.Pages;

/// <summary>
/// Shown again, with the same method, for a request that failed (an error status or an
/// unexpected failure). It has no handlers and reads nothing from the request, so it answers
/// any method and cannot fail on what was sent; the status is the failed request's, never a
/// value from the URL or the form. Opened directly, there is nothing to show: 404.
/// </summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public (string Heading, IReadOnlyList<string> Lines) Describe()
    {
        var failedRequest = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
                            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!failedRequest)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Response.StatusCode switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status410Gone => ("We could not find that page",
                ["The link may be wrong, or the page may have been removed.",
                    "If someone shared a plan with you, ask them to check that you still have access."]),
            StatusCodes.Status403Forbidden => ("You can look but not change this",
                ["You can see this plan, but you cannot make changes to it. Ask the plan's owner if you need to."]),
            StatusCodes.Status405MethodNotAllowed => ("This page cannot do that",
                ["Go back to the page you were on and use its buttons and links."]),
            StatusCodes.Status429TooManyRequests => ("Please wait a moment",
                ["There were many tries in a short time, so we paused them to keep your account safe.",
                    "Wait a few minutes, then try again."]),
            >= 400 and < 500 => ("We could not accept that form",
                ["This can happen if the page was open for a long time, or if something in it was not in a form we can read.",
                    "Go back, reload the page, and try again. We are sorry for the trouble."]),
            _ => ("Sorry, something went wrong on our side",
                ["What you just sent may not have been saved. Go back and check, then try again.",
                    "If it keeps happening, try again later."]),
        };
    }
}
