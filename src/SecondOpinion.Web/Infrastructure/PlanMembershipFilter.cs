using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Activity;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// The signed-in user's place on the plan named in the URL, with what every plan page shows or
/// needs (the title for the breadcrumbs, the time zone for today's date), read with it.
/// </summary>
public sealed record PlanMembership(Guid PlanId, string UserId, PlanRole Role, string PlanTitle, string TimeZoneId)
{
    public bool CanEdit => PlanMember.CanEdit(Role);

    public bool IsOwner => Role == PlanRole.Owner;

    /// <summary>Set by a page that deleted the plan: there is no activity list left to write to.</summary>
    public bool PlanDeleted { get; private set; }

    public void MarkPlanDeleted() => PlanDeleted = true;
}

/// <summary>
/// Which roles may use a plan page, when it is not every member. A member whose role may not open
/// the page gets 404, as if it did not exist for them; a member who may open it but not change
/// it gets 403 on a POST. Without this attribute every member may open a page and owners and
/// caregivers may change it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PlanAccessAttribute : Attribute
{
    public PlanRole[] Open { get; init; } = [PlanRole.Owner, PlanRole.Caregiver, PlanRole.Viewer];

    public PlanRole[] Change { get; init; } = [PlanRole.Owner, PlanRole.Caregiver];
}

/// <summary>
/// The one place that decides whether the signed-in user may use a plan. It runs for every page
/// whose route has a <c>planId</c>, and reads the membership from the database on every request,
/// so a removal or a role change counts from the person's very next request: a stranger gets 404
/// (so they learn nothing, not even that the plan exists), a role the page is not for gets 404,
/// and an attempt to change anything without the right gets 403. It also writes the activity
/// list: every successful change by anyone, and every read by someone other than an owner.
/// </summary>
public sealed class PlanMembershipFilter(AppDbContext db, IOptions<IdentityOptions> identity, ActivityLog activity) : IAsyncPageFilter
{
    public const string RouteKey = "planId";

    private static readonly PlanAccessAttribute EveryMember = new();

    /// <summary>Runs on every plan request, so it is compiled.</summary>
    private static readonly CompiledPerModel<Func<AppDbContext, Guid, string, CancellationToken, Task<MemberRow?>>> FindMember = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid planId, string userId, CancellationToken _) =>
            (from member in db.PlanMembers
             join plan in db.Plans on member.PlanId equals plan.Id
             where member.PlanId == planId && member.UserId == userId
             select new MemberRow(member.Role, plan.For, plan.PatientName, plan.TimeZoneId))
            .SingleOrDefault()));

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.RouteData.Values.TryGetValue(RouteKey, out var rawPlanId))
        {
            await next();
            return;
        }

        // The claim UserManager.GetUserId reads, read directly: no UserManager (with its stores and
        // token providers) is built for every plan request.
        var userId = context.HttpContext.User.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null || !Guid.TryParse(rawPlanId?.ToString(), out var planId))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var row = await FindMember.For(db)(db, planId, userId, context.HttpContext.RequestAborted);
        if (row is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        var membership = new PlanMembership(planId, userId, row.Role, Plan.TitleFor(row.For, row.PatientName), row.TimeZoneId);
        context.HttpContext.Features.Set(membership);

        var pageType = context.HandlerInstance.GetType();
        var access = pageType.GetCustomAttribute<PlanAccessAttribute>() ?? EveryMember;
        if (!access.Open.Contains(membership.Role))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var method = context.HttpContext.Request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (!isRead && !access.Change.Contains(membership.Role))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        var text = ActivityPhrases.For(pageType, method, context.HandlerMethod?.Name);
        var staged = isRead ? null : activity.Stage(planId, userId, text);
        var executed = await next();
        var failed = executed.Exception is not null && !executed.ExceptionHandled;
        var succeeded = !failed && (isRead
            ? executed.Result is null or PageResult or FileResult && !membership.IsOwner && HttpMethods.IsGet(method)
            : executed.Result is RedirectResult or LocalRedirectResult or RedirectToPageResult && context.ModelState.IsValid)
            && !membership.PlanDeleted;
        if (staged is not null)
        {
            await activity.SettleAsync(staged, succeeded, context.HttpContext.RequestAborted);
        }
        else if (succeeded)
        {
            await activity.RecordAsync(planId, userId, text, context.HttpContext.RequestAborted);
        }
    }

    private sealed record MemberRow(PlanRole Role, PlanFor For, string? PatientName, string TimeZoneId);
}
