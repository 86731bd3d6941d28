using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>
/// One records request: what it says, what is still needed, and the next step in its life (make it
/// final, mark it signed, sent, received), with its history and the calls made to chase it.
/// </summary>
public class DetailsModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> SentByChoices { get; } =
        Enum.GetValues<RequestSentBy>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    [FromRoute(Name = "requestId")]
    public int RequestId { get; set; }

    /// <summary>The form for the next status: the date it happened and, for sending, how.</summary>
    [BindProperty]
    public StatusInput Change { get; set; } = new();

    [BindProperty]
    public CallInput Call { get; set; } = new();

    public RecordsRequest RecordsRequest { get; private set; } = null!;
    public RecordsDocument Document { get; private set; } = null!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public RecordsDeadline? Deadline { get; private set; }
    public DateOnly Today { get; private set; }

    private string SelfUrl => $"/plans/{PlanId}/records/{RequestId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Change = new StatusInput { On = Today, Version = RecordsRequest.Version };
        Call = new CallInput { CalledOn = Today };
        return Page();
    }

    public Task<IActionResult> OnPostMakeReadyAsync(CancellationToken cancellationToken) =>
        ChangeAsync(null, r => r.MakeReady(Today, NowUtc),
            "It is final. Print it or download the PDF, then sign and date it.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        ChangeAsync(null, r => r.ReopenDraft(Today, NowUtc), "It is a draft again. You can change it now.", cancellationToken);

    public Task<IActionResult> OnPostSignedAsync(CancellationToken cancellationToken) =>
        ChangeAsync(RecordsRequestStatus.Signed, r => r.MarkSigned(Change.On!.Value, Today, NowUtc),
            "Marked as signed. Next, send it to the office.", cancellationToken);

    public Task<IActionResult> OnPostSentAsync(CancellationToken cancellationToken) =>
        ChangeAsync(RecordsRequestStatus.Sent, r => r.MarkSent(Change.On!.Value, Change.By!.Value, Today, NowUtc),
            "Marked as sent. We will remind you if the records have not arrived in 30 days.", cancellationToken);

    public Task<IActionResult> OnPostReceivedAsync(CancellationToken cancellationToken) =>
        ChangeAsync(RecordsRequestStatus.Received, r => r.MarkReceived(Change.On!.Value, Today, NowUtc),
            "Marked as received. Good news: the records arrived.", cancellationToken);

    public async Task<IActionResult> OnPostCallAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!await new CallInputValidator().ValidateIntoAsync(Call, ModelState, nameof(Call), cancellationToken))
        {
            return Page();
        }

        var refusal = RecordsRequest.LogCall(Call.CalledOn!.Value, Plan.Clean(Call.SpokeWith), Call.WhatWasSaid!.Trim(), Today, NowUtc);
        if (refusal is not null)
        {
            ModelState.AddModelError(refusal.AboutTheDate ? $"{nameof(Call)}.{nameof(Call.CalledOn)}" : "", refusal.Message);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Your call is written down.";
        return Redirect($"{SelfUrl}#calls-heading");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!RecordsRequest.CanDelete)
        {
            ModelState.AddModelError("", "A signed request cannot be deleted. Its history shows what happened.");
            return Page();
        }

        db.RecordsRequests.Remove(RecordsRequest);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "The request is deleted.";
        return Redirect($"/plans/{PlanId}/records");
    }

    private DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>Validates the status form (when it has fields), makes the change in the domain, and saves it.</summary>
    private async Task<IActionResult> ChangeAsync(
        RecordsRequestStatus? form, Func<RecordsRequest, RecordsRefusal?> change, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (form is { } target && !await new StatusInputValidator(target).ValidateIntoAsync(Change, ModelState, nameof(Change), cancellationToken))
        {
            return Page();
        }

        db.ExpectVersion(RecordsRequest, Change.Version);
        var refusal = change(RecordsRequest);
        if (refusal is not null)
        {
            ModelState.AddModelError(refusal.AboutTheDate ? $"{nameof(Change)}.{nameof(Change.On)}" : "", refusal.Message);
            return Page();
        }

        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            ModelState.Remove($"{nameof(Change)}.{nameof(Change.Version)}");
            Change.Version = RecordsRequest.Version;
            ModelState.AddModelError("", "Someone else changed this request while you were working on it. Check where it stands now, then try again.");
            return Page();
        }

        TempData["Message"] = done;
        return Redirect(SelfUrl);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today(TimeZoneId);
        var request = await db.RecordsRequests.OfPlan(PlanId)
            // One statement: a request has a handful of history rows and calls, so the join stays small.
            .Include(r => r.History).Include(r => r.Calls).AsSingleQuery()
            .SingleOrDefaultAsync(r => r.Id == RequestId, cancellationToken);
        if (request is null)
        {
            return false;
        }

        RecordsRequest = request;
        Document = RecordsDocument.From(request);
        Missing = RecordsCompleteness.Missing(Document, Today);
        Deadline = request.DeadlineOn(Today);
        return true;
    }

    public sealed class StatusInput
    {
        public DateOnly? On { get; set; }
        public RequestSentBy? By { get; set; }
        public int Version { get; set; }
    }

    public sealed class StatusInputValidator : AbstractValidator<StatusInput>
    {
        public StatusInputValidator(RecordsRequestStatus target)
        {
            RuleFor(i => i.On).NotNull().WithMessage(target switch
            {
                RecordsRequestStatus.Signed => "Enter the date it was signed.",
                RecordsRequestStatus.Sent => "Enter the date you sent it.",
                _ => "Enter the date the records arrived.",
            });
            if (target == RecordsRequestStatus.Sent)
            {
                RuleFor(i => i.By).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage("Choose how you sent it.")
                    .IsInEnum().WithMessage("Choose how you sent it.");
            }
        }
    }

    public sealed class CallInput
    {
        public DateOnly? CalledOn { get; set; }
        public string? SpokeWith { get; set; }
        public string? WhatWasSaid { get; set; }
    }

    public sealed class CallInputValidator : AbstractValidator<CallInput>
    {
        public CallInputValidator()
        {
            RuleFor(i => i.CalledOn).NotNull().WithMessage("Enter the date of the call.");
            RuleFor(i => i.SpokeWith).MaximumLength(RecordsFollowUpCall.SpokeWithMaxLength)
                .WithMessage($"A name can be at most {RecordsFollowUpCall.SpokeWithMaxLength} characters.");
            RuleFor(i => i.WhatWasSaid).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Write down what they said.")
                .MaximumLength(RecordsFollowUpCall.NotesMaxLength)
                    .WithMessage($"Keep this to {RecordsFollowUpCall.NotesMaxLength} characters or fewer. Take out some text and save again.");
        }
    }
}
