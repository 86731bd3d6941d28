using Microsoft.AspNetCore.Mvc.Filters;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// Marks every page's answer, files included (the records PDF, the visit's .ics), as not to be
/// kept by a browser or a proxy: they carry health details, and a computer may be shared.
/// MVC's <c>[ResponseCache]</c> cannot do this here: it is an action filter, which Razor Pages
/// never runs, so before this only pages with a form were marked (by the antiforgery token).
/// </summary>
public sealed class NoStoreFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        // The same value antiforgery writes, so it has no reason to warn that it replaced ours.
        context.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
        context.HttpContext.Response.Headers.Pragma = "no-cache";
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
