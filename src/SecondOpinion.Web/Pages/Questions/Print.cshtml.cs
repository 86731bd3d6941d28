using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Questions;

/// <summary>The question list laid out for paper: most important first, with room to write the answers by hand.</summary>
public class PrintModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public string PlanTitle { get; private set; } = "";
    public string? PatientName { get; private set; }
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == PlanId, cancellationToken);
        PlanTitle = plan.Title;
        PatientName = plan.PatientName;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), PlanTimeZones.Find(plan.TimeZoneId)).DateTime);
        Questions = await db.QuestionsOnList(PlanId).AsNoTracking().InOrder().ToListAsync(cancellationToken);
    }
}
