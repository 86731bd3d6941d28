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

[EnableRateLimiting(RateLimitPolicies.SignIn)]
public class SignInModel(
    UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, EqualTimePasswordCheck equalTime, SecurityEvents events)
    : PageModel, IAccountRateLimited
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

        // Every refusal has the same words and costs about the same time (one password check),
        // whether the email is unknown, the password is wrong, or sign-in is paused after too
        // many wrong tries: the page does not tell anyone who has an account.
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            equalTime.Spend(Input.Password!);
            return await RefuseAsync(user, SecurityEventKind.SignInFailed, cancellationToken);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return await RefuseAsync(user, result.IsLockedOut ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed, cancellationToken);
        }

        await signIn.SignInAsync(user, Input.RememberMe);
        await events.RecordAsync(user.Id, SecurityEventKind.SignedIn, cancellationToken);
        return LocalRedirect(SafeReturnUrl);
    }

    private async Task<IActionResult> RefuseAsync(IdentityUser? user, SecurityEventKind kind, CancellationToken cancellationToken)
    {
        if (user is not null)
        {
            await events.RecordAsync(user.Id, kind, cancellationToken);
        }

        ModelState.AddModelError("", "The email or password is not right. Check them and try again. " +
                                     "After several wrong tries, sign-in pauses for a few minutes. You can also reset your password.");
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
            RuleFor(i => i.Password).CurrentPassword();
        }
    }
}
