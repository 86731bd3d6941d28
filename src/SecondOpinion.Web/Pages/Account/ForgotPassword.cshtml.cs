using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.ForgotPassword)]
public class ForgotPasswordModel(UserManager<IdentityUser> users, AccountEmails emails) : PageModel, IAccountRateLimited
{
    public string? RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        // The answer is the same whether or not the account exists, so the page cannot be used
        // to find out who has an account.
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user?.Email is not null)
        {
            await emails.SendResetAsync(user, cancellationToken);
        }

        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() => RuleFor(i => i.Email).ValidEmail();
    }
}
