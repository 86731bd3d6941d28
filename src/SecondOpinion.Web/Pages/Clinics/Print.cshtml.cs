using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// A start link to print and hand to patients: the clinic's name and phone, a QR code and the link
/// in text. Only the token's hash is stored, so the page shows the link only when its address
/// carries the token (the staff member who made it lands here, and can bookmark it).
/// </summary>
public class PrintModel(AppDbContext db, PublicLinks links) : ClinicPageModel
{
    public static string PathFor(Guid clinicId, int linkId, string token) =>
        $"/clinics/{clinicId}/start-links/{linkId}/print?token={Uri.EscapeDataString(token)}";

    public static string StartPath(string token) => $"/start/{token}";

    public StartLink Link { get; private set; } = null!;
    public Clinic Clinic { get; private set; } = null!;

    /// <summary>The link for patients, or null when the page was opened without the right token.</summary>
    public string? StartLinkUrl { get; private set; }

    public string? QrCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(int linkId, string? token, CancellationToken cancellationToken)
    {
        var rows = db.StartLinks.AsNoTracking().OfClinic(ClinicId).Where(l => l.Id == linkId);
        var link = await rows.SingleOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return NotFound();
        }

        Link = link;
        Clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == ClinicId, cancellationToken);
        if (await rows.WithTokenAsync(token, cancellationToken) is not null)
        {
            StartLinkUrl = links.To(StartPath(token!));
            QrCode = QrCodes.PngDataUri(StartLinkUrl);
        }

        return Page();
    }
}
