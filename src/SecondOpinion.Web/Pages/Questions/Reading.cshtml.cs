using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Questions;

/// <summary>Step 5's reading list: what the person read, with an optional link and note, and places worth reading.</summary>
public class ReadingModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    private const string RemovedKey = "RemovedReadingItemId";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ReadingItem> Items { get; private set; } = [];

    /// <summary>The item the person just removed, offered back with a "Bring it back" button.</summary>
    public ReadingItem? JustRemoved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (TempData[RemovedKey] is int removedId)
        {
            JustRemoved = await db.ReadingItems.AsNoTracking().OfPlan(PlanId)
                .SingleOrDefaultAsync(r => r.Id == removedId && r.DeletedAtUtc != null, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var valid = await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        await LoadAsync(cancellationToken);
        if (valid && Items.Count >= ReadingItem.MaxPerPlan)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Title)}", ListIsFull);
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ReadingItems.Add(new ReadingItem
        {
            PlanId = PlanId,
            Title = Input.Title!.Trim(),
            Url = Plan.Clean(Input.Url),
            Note = Plan.Clean(Input.Note),
            CreatedAtUtc = now,
        });
        await db.MarkStepStartedAsync(PlanId, Step.LearnAndListQuestions, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        TempData["Message"] = "It is added to your reading list.";
        return Redirect($"/plans/{PlanId}/reading#reading-list-heading");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.ReadingItems.OfPlan(PlanId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        item.DeletedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        TempData[RemovedKey] = id;
        return Redirect($"/plans/{PlanId}/reading");
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.ReadingItems.OfPlan(PlanId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        if (item.DeletedAtUtc is not null)
        {
            await LoadAsync(cancellationToken);
            if (Items.Count >= ReadingItem.MaxPerPlan)
            {
                ModelState.AddModelError("", ListIsFull);
                return Page();
            }

            item.DeletedAtUtc = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Message"] = "It is back on your reading list.";
        return Redirect($"/plans/{PlanId}/reading#reading-list-heading");
    }

    private static string ListIsFull =>
        $"Your reading list already holds {ReadingItem.MaxPerPlan} items, the most it can hold. Remove one you no longer need, then try again.";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Items = await db.ReadingItems.AsNoTracking().OfPlan(PlanId).Where(r => r.DeletedAtUtc == null)
            .OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Note { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Title).Cascade(CascadeMode.Stop)
                .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Write a title, like the name of the page or the book.")
                .Must(title => title!.Trim().Length <= ReadingItem.TitleMaxLength)
                    .WithMessage($"A title can be at most {ReadingItem.TitleMaxLength} characters.");
            RuleFor(i => i.Url).Cascade(CascadeMode.Stop)
                .Must(url => url!.Trim().Length <= ReadingItem.UrlMaxLength)
                    .WithMessage($"A web address can be at most {ReadingItem.UrlMaxLength} characters.")
                .Must(ReadingItem.IsWebAddress)
                    .WithMessage("Enter a web address that starts with https:// or http://, like https://medlineplus.gov.")
                .When(i => !string.IsNullOrWhiteSpace(i.Url));
            RuleFor(i => i.Note).MaximumLength(ReadingItem.NoteMaxLength)
                .WithMessage($"A note can be at most {ReadingItem.NoteMaxLength} characters. Take out some text and try again.");
        }
    }
}
