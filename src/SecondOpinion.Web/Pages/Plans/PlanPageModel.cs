using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>
/// Base for every page inside a plan. By the time a handler runs, <see cref="PlanMembershipFilter"/>
/// has checked that the signed-in user belongs to the plan in the URL.
/// </summary>
public abstract class PlanPageModel : PageModel
{
    protected PlanMembership Membership => HttpContext.Features.Get<PlanMembership>()
        ?? throw new InvalidOperationException("A plan page ran without the plan membership check. Its route must include {planId:guid}.");

    public Guid PlanId => Membership.PlanId;

    public bool CanEdit => Membership.CanEdit;

    /// <summary>The plan's title for the breadcrumbs, read with the membership.</summary>
    public string PlanTitle => Membership.PlanTitle;

    /// <summary>The time zone the plan's dates are in, read with the membership.</summary>
    public string TimeZoneId => Membership.TimeZoneId;
}
