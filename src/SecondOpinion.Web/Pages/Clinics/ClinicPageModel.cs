using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// Base for every page of a clinic. By the time a handler runs, <see cref="ClinicStaffFilter"/>
/// has checked that the signed-in user is on the staff of the clinic in the URL, and read the
/// clinic's name for the page.
/// </summary>
public abstract class ClinicPageModel : PageModel
{
    private ClinicStaffMembership Staff => HttpContext.Features.Get<ClinicStaffMembership>()
        ?? throw new InvalidOperationException("A clinic page ran without the staff check. Its route must include {clinicId:guid}.");

    public Guid ClinicId => Staff.ClinicId;

    public string UserId => Staff.UserId;

    public string ClinicName => Staff.ClinicName;
}
