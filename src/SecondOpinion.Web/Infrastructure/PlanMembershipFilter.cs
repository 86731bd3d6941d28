using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>The signed-in user's place on the plan named in the URL.</summary>
public sealed record PlanMembership(Guid PlanId, string UserId, PlanRole Role)
{
    public bool CanEdit => PlanMember.CanEdit(Role);
}

/// <summary>
/// The one place that decides whether the signed-in user may use a plan. It runs for every page
/// whose route has a <c>planId</c>: a stranger gets 404 (so they learn nothing, not even that the
/// plan exists), and a viewer's attempt to change anything gets 403.
/// </summary>
public sealed class PlanMembershipFilter(AppDbContext db, UserManager<IdentityUser> users) : IAsyncPageFilter
{
    public const string RouteKey = "planId";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.RouteData.Values.TryGetValue(RouteKey, out var rawPlanId))
        {
            await next();
            return;
        }

        var userId = users.GetUserId(context.HttpContext.User);
        if (userId is null || !Guid.TryParse(rawPlanId?.ToString(), out var planId))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var role = await db.PlanMembers
            .Where(m => m.PlanId == planId && m.UserId == userId)
            .Select(m => (PlanRole?)m.Role)
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (role is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        var membership = new PlanMembership(planId, userId, role.Value);
        context.HttpContext.Features.Set(membership);

        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !membership.CanEdit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
