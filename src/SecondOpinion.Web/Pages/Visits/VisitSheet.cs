using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Questions;

namespace SecondOpinion.Web.Pages.Visits;

/// <summary>
/// What the new doctor reads about the plan, on the visit brief and on the visit packet: the
/// patient, the question, the visit, the first opinion and the questions in order. Read only.
/// </summary>
public sealed record VisitSheet(Plan Plan, Visit? Visit, string? VisitDoctorName, Opinion? FirstOpinion, IReadOnlyList<string> Questions);

public static class VisitSheetQuery
{
    /// <summary>The plan's visit sheet, read without tracking, in four queries.</summary>
    public static async Task<VisitSheet> VisitSheetAsync(this AppDbContext db, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, cancellationToken);
        var visit = await db.Visits.AsNoTracking().OfPlan(planId)
            .Select(v => new
            {
                Visit = v,
                DoctorName = db.Doctors.OfPlan(planId).Where(d => d.Id == v.DoctorId).Select(d => d.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var firstOpinion = await db.Opinions.AsNoTracking().OfPlan(planId).SingleOrDefaultAsync(o => o.Order == OpinionOrder.First, cancellationToken);
        var questions = await db.QuestionsOnList(planId).InOrder().Select(q => q.Text).ToListAsync(cancellationToken);
        return new VisitSheet(plan, visit?.Visit, visit?.DoctorName, firstOpinion, questions);
    }
}
