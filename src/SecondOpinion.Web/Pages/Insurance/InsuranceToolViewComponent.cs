using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Insurance;

public sealed record InsuranceTool(Guid PlanId, CoverageKind? Coverage, IReadOnlyList<InsuranceFinding> Findings, int CallCount, bool CanEdit);

/// <summary>Step 3's tool on the step page: the facts for the person's coverage and what is known so far.</summary>
public class InsuranceToolViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var coverage = await db.InsuranceCoverages.AsNoTracking().OfPlan(planId).Select(c => (CoverageKind?)c.Kind).SingleOrDefaultAsync(cancellationToken);
        var calls = await db.InsuranceCalls.AsNoTracking().OfPlan(planId).ToListAsync(cancellationToken);
        var canEdit = HttpContext.Features.Get<PlanMembership>()?.CanEdit == true;
        return View("/Pages/Insurance/_InsuranceTool.cshtml",
            new InsuranceTool(planId, coverage, InsuranceQuestions.Latest(calls), calls.Count, canEdit));
    }
}
