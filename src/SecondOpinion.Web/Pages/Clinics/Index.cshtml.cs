using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>The clinics the signed-in person works for.</summary>
public class IndexModel(AppDbContext db, UserManager<IdentityUser> users) : PageModel
{
    public IReadOnlyList<ClinicRow> Clinics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Clinics = await (
                from staff in db.ClinicStaff
                join clinic in db.Clinics on staff.ClinicId equals clinic.Id
                where staff.UserId == userId
                orderby clinic.Name
                select new ClinicRow(clinic.Id, clinic.Name))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    public sealed record ClinicRow(Guid Id, string Name);
}
