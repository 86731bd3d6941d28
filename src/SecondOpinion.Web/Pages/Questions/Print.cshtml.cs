using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Questions;

/// <summary>The question list laid out for paper: most important first, with room to write the answers by hand.</summary>
public class PrintModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public string? PatientName { get; private set; }
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PatientName = await db.Plans.Where(p => p.Id == PlanId).Select(p => p.PatientName).SingleAsync(cancellationToken);
        Today = clock.Today(TimeZoneId);
        Questions = await db.QuestionsOnList(PlanId).AsNoTracking().InOrder().ToListAsync(cancellationToken);
    }
}
