using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.SignUp)]
public class RegisterModel(UserManager<IdentityUser> users, AccountEmails emails) : PageModel, IAccountRateLimited
{
    public string? RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go once the account exists, such as the invite link that sent the person here.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set once the form is sent: the address to look in.</summary>
    public string? SentTo { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(HasReturnUrl ? ReturnUrl! : "/plans") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        // A new email and one that already has an account get the same answer, "check your
        // email", and cost the same (CreateAsync checks and hashes the password before it looks
        // for the email): only the inbox learns which it was. The link in it signs the person in.
        var email = Input.Email!.Trim();
        var user = new IdentityUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user, Input.Password!);
        if (result.Succeeded)
        {
            await emails.SendConfirmationAsync(user, HasReturnUrl ? ReturnUrl : null, cancellationToken);
        }
        else if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                 && await users.FindByEmailAsync(email) is { } existing)
        {
            await emails.SendAlreadyRegisteredAsync(existing, cancellationToken);
        }
        else
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    AccountRules.FieldFor(error.Code, $"{nameof(Input)}.{nameof(Input.Email)}", $"{nameof(Input)}.{nameof(Input.Password)}"),
                    error.Description);
            }

            return Page();
        }

        SentTo = email;
        return Page();
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
