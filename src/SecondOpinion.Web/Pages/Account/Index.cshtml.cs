using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

/// <summary>
/// The signed-in person's account: their email (and whether it is confirmed), password, the
/// sessions on other devices, their data, and the account's latest security events.
/// </summary>
public class IndexModel(
    AppDbContext db, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AccountEmails emails, SecurityEvents events)
    : PageModel
{
    public const int EventsShown = 20;

    [BindProperty]
    public PasswordInputModel PasswordInput { get; set; } = new();

    [BindProperty]
    public EmailInputModel EmailInput { get; set; } = new();

    public string Email { get; private set; } = "";
    public bool EmailConfirmed { get; private set; }

    /// <summary>The sign-in before the newest one: when they were here last.</summary>
    public DateTime? LastSignInUtc { get; private set; }

    public IReadOnlyList<SecurityEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!await new PasswordValidator().ValidateIntoAsync(PasswordInput, ModelState, nameof(PasswordInput), cancellationToken))
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, PasswordInput.CurrentPassword!, PasswordInput.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                        ? $"{nameof(PasswordInput)}.{nameof(PasswordInput.CurrentPassword)}"
                        : AccountRules.FieldFor(error.Code, "", $"{nameof(PasswordInput)}.{nameof(PasswordInput.NewPassword)}"),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? WrongPassword : error.Description);
            }

            return Page();
        }

        // The new security stamp ends every other session; this one is given the new stamp.
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user.Id, SecurityEventKind.PasswordChanged, cancellationToken);
        TempData["Message"] = "Your password is changed. Any other device signed in to your account is now signed out.";
        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!await new EmailValidator().ValidateIntoAsync(EmailInput, ModelState, nameof(EmailInput), cancellationToken))
        {
            return Page();
        }

        var newEmail = EmailInput.NewEmail!.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError($"{nameof(EmailInput)}.{nameof(EmailInput.NewEmail)}", "This is already your email address.");
            return Page();
        }

        // Wrong passwords here count toward the sign-in pause, as on the sign-in page.
        if (!(await signIn.CheckPasswordSignInAsync(user, EmailInput.Password!, lockoutOnFailure: true)).Succeeded)
        {
            ModelState.AddModelError($"{nameof(EmailInput)}.{nameof(EmailInput.Password)}", WrongPassword);
            return Page();
        }

        await emails.SendChangeEmailAsync(user, newEmail, cancellationToken);
        TempData["Message"] = $"We sent a link to {newEmail}. Open it to start using that address. Until then, your email stays {user.Email}.";
        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostResendConfirmationAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!user.EmailConfirmed)
        {
            await emails.SendConfirmationAsync(user, returnUrl: null, cancellationToken);
        }

        TempData["Message"] = user.EmailConfirmed ? "Your email is already confirmed." : $"We sent a new link to {user.Email}.";
        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user.Id, SecurityEventKind.SignedOutEverywhere, cancellationToken);
        TempData["Message"] = "You are signed out on every other device. You are still signed in here.";
        return Redirect("/account");
    }

    private const string WrongPassword = "This is not your current password. Check it and try again.";

    private async Task<IdentityUser?> LoadAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Email = user.Email ?? "";
        EmailConfirmed = user.EmailConfirmed;
        Events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == user.Id)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Take(EventsShown)
            .ToListAsync(cancellationToken);
        LastSignInUtc = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == user.Id && e.Kind == SecurityEventKind.SignedIn)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip(1)
            .Select(e => (DateTime?)e.AtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        return user;
    }

    public sealed class PasswordInputModel
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class PasswordValidator : AbstractValidator<PasswordInputModel>
    {
        public PasswordValidator()
        {
            RuleFor(i => i.CurrentPassword).CurrentPassword();
            RuleFor(i => i.NewPassword).NewPassword();
            RuleFor(i => i.ConfirmPassword).SameAs(i => i.NewPassword);
        }
    }

    public sealed class EmailInputModel
    {
        public string? NewEmail { get; set; }
        public string? Password { get; set; }
    }

    public sealed class EmailValidator : AbstractValidator<EmailInputModel>
    {
        public EmailValidator()
        {
            RuleFor(i => i.NewEmail).ValidEmail();
            RuleFor(i => i.Password).CurrentPassword();
        }
    }
}
