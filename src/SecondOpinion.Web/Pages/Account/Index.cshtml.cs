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
/// sessions on other devices, their passkeys, their data, and the account's latest security events.
/// Adding a passkey needs JavaScript (the browser makes it); listing and removing them do not.
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

    [BindProperty]
    public AddPasskeyInputModel AddPasskeyInput { get; set; } = new();

    /// <summary>The passkey to remove, as <see cref="PasskeyRules.IdOf"/> writes it.</summary>
    [BindProperty]
    public string? PasskeyId { get; set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

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

    /// <summary>The options the browser needs to make a passkey (JSON), read by passkeys.js; the ceremony's state stays in a cookie.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var email = user.Email ?? user.Id;
        return Content(await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = email, DisplayName = email }), "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!await new AddPasskeyValidator().ValidateIntoAsync(AddPasskeyInput, ModelState, nameof(AddPasskeyInput), cancellationToken))
        {
            return Page();
        }

        var attestation = await PasskeyRules.VerifyAsync(AddPasskeyInput.Credential, signIn.PerformPasskeyAttestationAsync);
        if (attestation is not { Succeeded: true } || attestation.UserEntity.Id != user.Id)
        {
            return this.Refused(CredentialField, PasskeyNotAdded);
        }

        attestation.Passkey.Name = string.IsNullOrWhiteSpace(AddPasskeyInput.Name) ? PasskeyRules.DefaultName : AddPasskeyInput.Name.Trim();
        if (!(await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey)).Succeeded)
        {
            return this.Refused(CredentialField, PasskeyNotAdded);
        }

        await events.RecordAsync(user.Id, SecurityEventKind.PasskeyAdded, cancellationToken);
        TempData["Message"] = "Your passkey is added. Next time, choose \"Sign in with a passkey\" on the sign-in page.";
        return Redirect("/account");
    }

    /// <summary>Removes one of the person's own passkeys; an id that is not theirs finds nothing. Their password stays, so even the last one may go.</summary>
    public async Task<IActionResult> OnPostRemovePasskeyAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (PasskeyRules.ParseId(PasskeyId) is not { } id || await users.GetPasskeyAsync(user, id) is not { } passkey)
        {
            return NotFound();
        }

        await users.RemovePasskeyAsync(user, id);
        await events.RecordAsync(user.Id, SecurityEventKind.PasskeyRemoved, cancellationToken);
        TempData["Message"] = $"The passkey \"{PasskeyRules.NameOf(passkey)}\" is removed. You can still sign in with your password.";
        return Redirect("/account");
    }

    public static readonly string CredentialField = $"{nameof(AddPasskeyInput)}.{nameof(AddPasskeyInputModel.Credential)}";

    public const string PasskeyNotAdded =
        "The passkey was not added. You may have stopped it, or this device could not make one. You can try again.";

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
            .Where(e => e.UserId == user.Id && (e.Kind == SecurityEventKind.SignedIn || e.Kind == SecurityEventKind.SignedInWithPasskey))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip(1)
            .Select(e => (DateTime?)e.AtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        Passkeys = [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)];
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

    public sealed class AddPasskeyInputModel
    {
        public string? Name { get; set; }

        /// <summary>The browser's answer (JSON), filled in by passkeys.js.</summary>
        public string? Credential { get; set; }
    }

    public sealed class AddPasskeyValidator : AbstractValidator<AddPasskeyInputModel>
    {
        public AddPasskeyValidator()
        {
            RuleFor(i => i.Name).PasskeyName();
            RuleFor(i => i.Credential).CeremonyAnswer(PasskeyNotAdded);
        }
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
