namespace SecondOpinion.Web.Pages.Plans;

/// <summary>The trail shown above every page inside a plan.</summary>
public sealed record PlanCrumbs(Guid PlanId, string PlanTitle, string? Here);
