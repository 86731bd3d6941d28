using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Plans;

public class IndexModel(AppDbContext db, UserManager<IdentityUser> users) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    /// <summary>Whether the person is on a clinic's staff, to show the way to their clinics.</summary>
    public bool IsClinicStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var rows = await db.Plans
            .Where(p => p.Members.Any(m => m.UserId == userId))
            .OrderByDescending(p => p.CreatedAtUtc)
            .Select(p => new
            {
                p.Id,
                p.For,
                p.PatientName,
                p.About,
                Role = p.Members.Where(m => m.UserId == userId).Select(m => m.Role).First(),
                Steps = p.Steps.Select(s => new { s.Step, s.Status }).ToList(),
            })
            .ToListAsync(cancellationToken);

        Plans = rows.Select(r => new PlanSummary(
                r.Id,
                Plan.TitleFor(r.For, r.PatientName),
                r.About,
                r.Role,
                r.For,
                PlanProgress.From(r.Steps.Select(s => (s.Step, s.Status)))))
            .ToList();
        IsClinicStaff = await db.ClinicStaff.AnyAsync(s => s.UserId == userId, cancellationToken);
    }

    public sealed record PlanSummary(Guid Id, string Title, string? About, PlanRole Role, PlanFor For, PlanProgress Progress);
}
