using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Activity;
using SecondOpinion.Web.Pages.Packet;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// One visit packet a patient shared with this clinic, for its staff. Only a packet shared with
/// this clinic is found (another clinic's or a plan's own id gets 404); one whose link has
/// stopped working gets 410. Each opening is kept and named in the patient's activity list.
/// </summary>
public class PacketModel(AppDbContext db, ActivityLog activity, TimeProvider clock) : ClinicPageModel
{
    public PacketContent Packet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int packetId, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        var link = await db.PacketLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == packetId && l.SharedWithClinicId == ClinicId, cancellationToken);
        if (link is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (link.StatusAt(now) != PacketLinkStatus.Active)
        {
            return StatusCode(StatusCodes.Status410Gone);
        }

        await PacketContent.RecordOpeningAsync(db, activity, link, Request, UserId, now, cancellationToken);
        Packet = await PacketContent.LoadAsync(db, link, clock, cancellationToken);
        return Page();
    }
}
