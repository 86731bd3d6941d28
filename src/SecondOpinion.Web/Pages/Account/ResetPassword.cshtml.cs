using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.ResetPassword)]
public class ResetPasswordModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, SecurityEvents events)
    : PageModel, IAccountRateLimited
{
    private const string InvalidLink = "This reset link has expired or was already used. Ask for a new one.";

    public string? RateLimitAccount => UserId;

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkIsUsable => !string.IsNullOrEmpty(UserId) && !string.IsNullOrEmpty(Code);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var user = LinkIsUsable ? await users.FindByIdAsync(UserId!) : null;
        var token = AccountEmails.DecodeToken(Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError("", InvalidLink);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    AccountRules.FieldFor(error.Code, "", $"{nameof(Input)}.{nameof(Input.Password)}"),
                    error.Description);
            }

            return Page();
        }

        // The emailed link proves who they are, so sign-in paused by wrong guesses (someone
        // else's, perhaps) opens again, and they are signed in here: a stranger who keeps trying
        // their email cannot keep them out. The reset changed the security stamp, so every other
        // session has ended.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        await events.RecordAsync(user.Id, SecurityEventKind.PasswordReset, cancellationToken);
        TempData["Message"] = "Your password is changed and you are signed in. Any other device signed in to your account is now signed out.";
        return Redirect("/plans");
    }

    public sealed class InputModel
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Password).NewPassword();
            RuleFor(i => i.ConfirmPassword).SameAs(i => i.Password);
        }
    }
}
