using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Activity;

namespace SecondOpinion.Web.Pages.Packet;

/// <summary>
/// The visit packet behind a packet link, for the new doctor's office: anyone with the link can
/// read it, with no account, until it expires or is ended. Each opening is kept (its time only)
/// and written to the plan's activity list. This page model is the app's one public way into a
/// plan's contents, so it is rate limited per address: guessing tokens gets a calm 429 long before it could work.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.PacketLink)]
public class OpenModel(AppDbContext db, ActivityLog activity, TimeProvider clock) : PageModel
{
    public enum Answer
    {
        NotFound,
        Ended,
        Ready,
    }

    public Answer State { get; private set; }
    public PacketContent Packet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        var link = await FindAsync(token, cancellationToken);
        if (link is null)
        {
            return Show(Answer.NotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (link.StatusAt(now) != PacketLinkStatus.Active)
        {
            return Show(Answer.Ended);
        }

        await PacketContent.RecordOpeningAsync(db, activity, link, Request, staffUserId: null, now, cancellationToken);

        Packet = await PacketContent.LoadAsync(db, link, clock, cancellationToken);
        return Show(Answer.Ready);
    }

    /// <summary>The link behind a token: looked up by its hash only when it has the form of a token, then confirmed in constant time.</summary>
    private async Task<PacketLink?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!SecretTokens.LooksValid(token))
        {
            return null;
        }

        var hash = SecretTokens.Hash(token);
        var link = await db.PacketLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link is not null && SecretTokens.Matches(token, link.TokenHash) ? link : null;
    }

    private PageResult Show(Answer state)
    {
        State = state;
        Response.StatusCode = state switch
        {
            Answer.NotFound => StatusCodes.Status404NotFound,
            Answer.Ended => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
