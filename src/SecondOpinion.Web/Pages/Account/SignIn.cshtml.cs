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

    [BindProperty]
    public PasskeyInputModel PasskeyInput { get; set; } = new();

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

    /// <summary>The options the browser needs to find a passkey for this site (JSON), read by passkeys.js.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    /// <summary>
    /// Signs in with the passkey the browser chose. A passkey cannot be guessed, so a pause after
    /// wrong passwords does not stop it (as a reset link does not).
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken cancellationToken)
    {
        if (!await new PasskeyInputValidator().ValidateIntoAsync(PasskeyInput, ModelState, nameof(PasskeyInput), cancellationToken))
        {
            return Page();
        }

        var assertion = await PasskeyRules.VerifyAsync(PasskeyInput.Credential, signIn.PerformPasskeyAssertionAsync);
        if (assertion is not { Succeeded: true })
        {
            return this.Refused(CredentialField, PasskeyRefused);
        }

        // Saving the passkey again keeps its signature counter, which shows a copied passkey.
        await users.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
        await signIn.SignInAsync(assertion.User, isPersistent: false, authenticationMethod: "passkey");
        await events.RecordAsync(assertion.User.Id, SecurityEventKind.SignedInWithPasskey, cancellationToken);
        return LocalRedirect(SafeReturnUrl);
    }

    public static readonly string CredentialField = $"{nameof(PasskeyInput)}.{nameof(PasskeyInputModel.Credential)}";

    public const string PasskeyRefused =
        "You are not signed in. You may have stopped it, or this device has no passkey for this site. " +
        "You can try again, or sign in with your email and password.";

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

    public sealed class PasskeyInputModel
    {
        /// <summary>The browser's answer (JSON), filled in by passkeys.js.</summary>
        public string? Credential { get; set; }
    }

    public sealed class PasskeyInputValidator : AbstractValidator<PasskeyInputModel>
    {
        public PasskeyInputValidator() => RuleFor(i => i.Credential).CeremonyAnswer(PasskeyRefused);
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
