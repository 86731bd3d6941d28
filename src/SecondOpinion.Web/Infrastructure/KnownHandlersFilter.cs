using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// Razor Pages shows a page without running any handler when none fits the request (a PUT, a
/// TRACE, an unknown <c>?handler=</c>), and our pages need their handler to have loaded the data.
/// Such a request gets 405 (with the methods the page takes in Allow) or, for an unknown handler
/// name, 404; OPTIONS, which asks for those methods, gets them with 204. The error page shown again for a failed request is let through: it answers any method.
/// </summary>
public sealed class KnownHandlersFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var features = context.HttpContext.Features;
        if (context.HandlerMethod is not null
            || features.Get<IStatusCodeReExecuteFeature>() is not null
            || features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next();
            return;
        }

        var handlers = context.ActionDescriptor.HandlerMethods;
        List<string> allowed = handlers.Count == 0
            ? [HttpMethods.Get]
            : [.. handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];
        var method = HttpMethods.IsHead(context.HttpContext.Request.Method) ? HttpMethods.Get : context.HttpContext.Request.Method;
        if (allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            if (handlers.Count == 0)
            {
                // A page with nothing to load is simply shown.
                await next();
                return;
            }

            context.Result = new NotFoundResult();
            return;
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed.Contains(HttpMethods.Get) ? [.. allowed, HttpMethods.Head] : allowed);
        context.Result = new StatusCodeResult(HttpMethods.IsOptions(method)
            ? StatusCodes.Status204NoContent
            : StatusCodes.Status405MethodNotAllowed);
    }
}
