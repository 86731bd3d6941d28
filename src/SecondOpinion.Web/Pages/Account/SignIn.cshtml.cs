using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class SignInModel(SignInManager<IdentityUser> signIn) : PageModel, IAccountRateLimited
{
    public string? RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? "Your account is locked for 15 minutes because the password was wrong too many times. Wait and try again, or reset your password."
            : "The email or password is not right. Check them and try again.");
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/plans";

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Email).ValidEmail();
            RuleFor(i => i.Password).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your password.")
                .MaximumLength(AccountRules.PasswordMaxLength).WithMessage($"A password can be at most {AccountRules.PasswordMaxLength} characters.");
        }
    }
}
