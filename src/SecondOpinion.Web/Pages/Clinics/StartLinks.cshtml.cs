using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Clinics;

/// <summary>
/// The clinic's start links: make one with a name, see per link how many plans it started and how
/// many reached each step (small counts hidden, see <see cref="StartLinkCounts"/>), and retire one.
/// A new link opens its print page once with its token; only the token's hash is kept.
/// </summary>
public class StartLinksModel(AppDbContext db, TimeProvider clock) : ClinicPageModel
{
    private static readonly StartLinkCounts NoPlans = new(0, Enum.GetValues<Step>().ToDictionary(s => s, _ => 0));

    [BindProperty]
    public NewLinkInput Input { get; set; } = new();

    public IReadOnlyList<LinkRow> Links { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var valid = await new NewLinkValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        await LoadAsync(cancellationToken);
        if (!valid)
        {
            return Page();
        }

        if (Links.Count(l => !l.Link.IsRetired) >= StartLink.MaxActivePerClinic)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Label)}",
                $"A clinic can have at most {StartLink.MaxActivePerClinic} links in use. Retire one you do not hand out any more first.");
            return Page();
        }

        var (token, hash) = SecretTokens.New();
        var link = new StartLink
        {
            ClinicId = ClinicId,
            Label = Input.Label!.Trim(),
            TokenHash = hash,
            CreatedByUserId = UserId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.StartLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Your start link is ready. Print this page now, or bookmark it: we keep only a fingerprint of the link, so we cannot show it again.";
        return Redirect(PrintModel.PathFor(ClinicId, link.Id, token));
    }

    public async Task<IActionResult> OnPostRetireAsync(int linkId, CancellationToken cancellationToken)
    {
        var link = await db.StartLinks.OfClinic(ClinicId).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return NotFound();
        }

        link.RetiredAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"The link \"{link.Label}\" is retired. It no longer starts plans; its counts stay here.";
        return Redirect($"/clinics/{ClinicId}/start-links");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var links = await db.StartLinks.OfClinic(ClinicId).AsNoTracking()
            .OrderBy(l => l.RetiredAtUtc != null).ThenByDescending(l => l.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        var counts = await db.StartLinkCountsAsync(ClinicId, cancellationToken);
        Links = links.Select(l => new LinkRow(l, counts.GetValueOrDefault(l.Id, NoPlans))).ToList();
    }

    public sealed record LinkRow(StartLink Link, StartLinkCounts Counts);

    public sealed class NewLinkInput
    {
        public string? Label { get; set; }
    }

    public sealed class NewLinkValidator : AbstractValidator<NewLinkInput>
    {
        public NewLinkValidator() => RuleFor(i => i.Label).ValidStartLinkLabel();
    }
}
