using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Infrastructure.Privacy;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

/// <summary>
/// Delete my account: first says what goes (each plan the person alone owns, with its counts), lets
/// them give a plan shared with a caregiver to that caregiver, and asks for the password.
/// </summary>
[Authorize]
public class DeleteModel(
    Erasure erasure, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AccountEmails emails, SecurityEvents events)
    : PageModel
{
    public const string DeleteChoice = "delete";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public AccountPlans Plans { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Choices = Plans.OnlyOwner.Where(p => p.Caregivers.Count > 0)
            .Select(p => new HandOverChoice { PlanId = p.Contents.PlanId })
            .ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync(cancellationToken);
        var valid = await new InputValidator(Plans).ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!valid)
        {
            return Page();
        }

        if (!await users.CheckPasswordAsync(user, Input.Password!))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", "That is not your password. Type the password you sign in with.");
            return Page();
        }

        var email = user.Email!;
        var handOvers = Input.Choices.Where(c => c.Heir is not (null or DeleteChoice)).ToDictionary(c => c.PlanId, c => c.Heir!);
        var result = await erasure.DeleteAccountAsync(user, handOvers, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "Your account could not be deleted just now. Nothing was deleted. Please try again.");
            return Page();
        }

        // Nothing of the person stays: the event names no one, and the email goes to the address the account had.
        await events.RecordAsync(userId: null, SecurityEventKind.AccountDeleted, cancellationToken);
        await emails.SendAccountDeletedAsync(email, cancellationToken);
        await signIn.SignOutAsync();
        TempData["Message"] = "Your account and your data are deleted.";
        return Redirect("/");
    }

    /// <summary>What the person can choose for a plan: delete it, or give it to one of its caregivers.</summary>
    public static IReadOnlyList<SelectListItem> ChoicesFor(OwnedPlan plan) =>
    [
        new("Delete it, with everything in it", DeleteChoice),
        .. plan.Caregivers.Select(c => new SelectListItem($"Give it to {c.Email}. They become its owner.", c.UserId)),
    ];

    private async Task<IdentityUser> LoadAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in person has no account.");
        Email = user.Email ?? "";
        Plans = await erasure.PlansOfAsync(user.Id, cancellationToken);
        return user;
    }

    public sealed class InputModel
    {
        public string? Password { get; set; }
        public List<HandOverChoice> Choices { get; set; } = [];
    }

    public sealed class HandOverChoice
    {
        public Guid PlanId { get; set; }

        /// <summary>The caregiver's user id, or <see cref="DeleteChoice"/>.</summary>
        public string? Heir { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(AccountPlans plans)
        {
            RuleFor(i => i.Password).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Type your password, to show it is you.")
                .MaximumLength(AccountRules.PasswordMaxLength).WithMessage("That is not your password. Type the password you sign in with.");
            RuleForEach(i => i.Choices).ChildRules(choice => choice.RuleFor(c => c.Heir)
                .Must((c, heir) => plans.OnlyOwner.Any(p => p.Contents.PlanId == c.PlanId
                                                            && (heir == DeleteChoice || p.Caregivers.Any(g => g.UserId == heir))))
                .WithMessage("Choose what happens to this plan."));
            RuleFor(i => i.Choices)
                .Must(choices => plans.OnlyOwner.Where(p => p.Caregivers.Count > 0).All(p => choices.Any(c => c.PlanId == p.Contents.PlanId)))
                .WithMessage("Choose what happens to each plan you share with a caregiver.");
        }
    }
}
