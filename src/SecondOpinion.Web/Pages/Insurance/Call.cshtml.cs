using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Insurance;

/// <summary>The call guide: the questions to ask the insurance company, with the answers of one call.</summary>
public class CallModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    public static IReadOnlyList<SelectListItem> AnswerChoices { get; } =
        new[] { CallAnswer.Yes, CallAnswer.No, CallAnswer.NotSure, CallAnswer.NotAsked }
            .Select(a => new SelectListItem(a.Label(), a.ToString())).ToList();

    [FromRoute(Name = "callId")]
    public int? CallId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool IsNew => CallId is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (IsNew)
        {
            var lastCompany = await db.InsuranceCalls.OfPlan(PlanId).NewestFirst().Select(c => c.Company).FirstOrDefaultAsync(cancellationToken);
            Input = new InputModel
            {
                CalledOn = clock.Today(TimeZoneId),
                Company = lastCompany,
                Answers = InsuranceQuestions.All.Select(_ => new AnswerInput { Answer = CallAnswer.NotAsked }).ToList(),
            };
            return Page();
        }

        var call = await FindAsync(cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        Input = InputModel.From(call);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A form that lost some answers shows each missing one as a question still to answer.
        while (Input.Answers.Count < InsuranceQuestions.All.Count)
        {
            Input.Answers.Add(new AnswerInput());
        }

        var today = clock.Today(TimeZoneId);
        var valid = await new InputValidator(today).ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        var call = IsNew ? null : await FindAsync(cancellationToken);
        if (!IsNew && call is null)
        {
            return NotFound();
        }

        if (!valid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (call is null)
        {
            call = new InsuranceCall { PlanId = PlanId, Company = "", CreatedAtUtc = now };
            db.InsuranceCalls.Add(call);
            await db.MarkStepStartedAsync(PlanId, Step.CheckInsurance, now, cancellationToken);
        }
        else
        {
            db.ExpectVersion(call, Input.Version);
        }

        Input.ApplyTo(call);
        call.UpdatedAtUtc = now;
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            var theirs = await FindAsync(cancellationToken);
            if (theirs is null)
            {
                return NotFound();
            }

            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = theirs.Version;
            ModelState.AddModelError("", "Someone else changed this call while you were working on it. What you wrote is still in the form. Check it, then save again.");
            return Page();
        }

        TempData["Message"] = $"Saved your call of {PlanTime.Describe(call.CalledOn)}.";
        return Redirect($"/plans/{PlanId}/insurance");
    }

    private Task<InsuranceCall?> FindAsync(CancellationToken cancellationToken) =>
        db.InsuranceCalls.OfPlan(PlanId).SingleOrDefaultAsync(c => c.Id == CallId, cancellationToken);

    public sealed class InputModel
    {
        public DateOnly? CalledOn { get; set; }
        public string? Company { get; set; }
        public string? SpokeTo { get; set; }
        public string? ReferenceNumber { get; set; }

        /// <summary>One answer per question, in the order of <see cref="InsuranceQuestions.All"/>.</summary>
        public List<AnswerInput> Answers { get; set; } = [];

        public int Version { get; set; }

        public static InputModel From(InsuranceCall call) => new()
        {
            CalledOn = call.CalledOn,
            Company = call.Company,
            SpokeTo = call.SpokeTo,
            ReferenceNumber = call.ReferenceNumber,
            Answers = InsuranceQuestions.All.Select(q => call.AnswerTo(q)).Select(a => new AnswerInput { Answer = a.Answer, Note = a.Note }).ToList(),
            Version = call.Version,
        };

        public void ApplyTo(InsuranceCall call)
        {
            call.CalledOn = CalledOn!.Value;
            call.Company = Company!.Trim();
            call.SpokeTo = Plan.Clean(SpokeTo);
            call.ReferenceNumber = Plan.Clean(ReferenceNumber);
            foreach (var (question, answer) in InsuranceQuestions.All.Zip(Answers))
            {
                call.SetAnswer(question, answer.Answer!.Value, answer.Note);
            }
        }
    }

    public sealed class AnswerInput
    {
        public CallAnswer? Answer { get; set; }
        public string? Note { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(DateOnly today)
        {
            RuleFor(i => i.CalledOn).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Enter the date of the call.")
                .InclusiveBetween(today.AddYears(-2), today).WithMessage("Enter a date in the last two years, up to today.");
            RuleFor(i => i.Company).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Write the name of your insurance plan or company.")
                .AtMost(InsuranceCall.CompanyMaxLength);
            RuleFor(i => i.SpokeTo).AtMost(InsuranceCall.SpokeToMaxLength);
            RuleFor(i => i.ReferenceNumber).AtMost(InsuranceCall.ReferenceMaxLength);
            RuleFor(i => i.Answers).Must(a => a.Count == InsuranceQuestions.All.Count)
                .WithMessage("Answer each question, or choose \"I did not ask this time\".");
            RuleForEach(i => i.Answers).ChildRules(answer =>
            {
                answer.RuleFor(a => a.Answer).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage("Choose an answer, or \"I did not ask this time\".")
                    .IsInEnum().WithMessage("Choose an answer, or \"I did not ask this time\".");
                answer.RuleFor(a => a.Note).AtMost(InsuranceAnswer.NoteMaxLength);
            });
        }
    }
}
