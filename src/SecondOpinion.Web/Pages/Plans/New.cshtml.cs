using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Plans;

/// <summary>What a form that starts a plan shows (<c>_PlanStartFields</c>): this page, and a clinic's start link.</summary>
public interface IPlanStartForm
{
    NewModel.InputModel Input { get; }
}

public class NewModel(AppDbContext db, UserManager<IdentityUser> users, TimeProvider clock) : PageModel, IPlanStartForm
{
    public static IReadOnlyList<SelectListItem> PlanForChoices { get; } =
    [
        new("Me", nameof(PlanFor.Myself)),
        new("Someone I help, like a parent, partner, or friend", nameof(PlanFor.SomeoneIHelp)),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var plan = Plan.Start(users.GetUserId(User)!, Input.For!.Value, Input.PatientName, Input.About, clock.GetUtcNow().UtcDateTime);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Your plan is ready. Here are the six steps.";
        return Redirect($"/plans/{plan.Id}");
    }

    public sealed class InputModel
    {
        public PlanFor? For { get; set; }
        public string? PatientName { get; set; }
        public string? About { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.For).ValidPlanFor();
            RuleFor(i => i.PatientName).ValidPatientName(i => i.For);
            RuleFor(i => i.About).ValidAbout();
        }
    }
}
