using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.SignUp)]
public class RegisterModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PageModel, IAccountRateLimited
{
    public string? RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go once the account exists, such as the invite link that sent the person here.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(HasReturnUrl ? ReturnUrl! : "/plans") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        var user = new IdentityUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    AccountRules.FieldFor(error.Code, $"{nameof(Input)}.{nameof(Input.Email)}", $"{nameof(Input)}.{nameof(Input.Password)}"),
                    error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        if (HasReturnUrl)
        {
            TempData["Message"] = "Your account is ready.";
            return LocalRedirect(ReturnUrl!);
        }

        TempData["Message"] = "Your account is ready. Now start your plan.";
        return Redirect("/plans/new");
    }

    private bool HasReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl);

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Email).ValidEmail();
            RuleFor(i => i.Password).NewPassword();
            RuleFor(i => i.ConfirmPassword).SameAs(i => i.Password);
        }
    }
}
