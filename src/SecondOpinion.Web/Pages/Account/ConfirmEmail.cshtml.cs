using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Accounts;

namespace SecondOpinion.Web.Pages.Account;

/// <summary>
/// Where the emailed links lead: confirming the email of a new account (which signs the person
/// in, once), or confirming a new email address for an account. Opening the link only shows a
/// button, so a mail scanner that opens links changes nothing.
/// </summary>
public class ConfirmEmailModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, SecurityEvents events) : PageModel
{
    private const string InvalidLink = "This link has expired or was already used. Sign in, and ask for a new one on your account page.";

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The new address, when the link confirms a change of email.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool LinkIsUsable => !string.IsNullOrEmpty(UserId) && !string.IsNullOrEmpty(Code)
                                && (Email is null || Email.Length <= AccountRules.EmailMaxLength);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = LinkIsUsable ? await users.FindByIdAsync(UserId!) : null;
        var token = AccountEmails.DecodeToken(Code);
        if (user is null || token is null)
        {
            return Refuse(InvalidLink);
        }

        return Email is null ? await ConfirmNewAccountAsync(user, token, cancellationToken) : await ChangeEmailAsync(user, Email, token, cancellationToken);
    }

    private async Task<IActionResult> ConfirmNewAccountAsync(IdentityUser user, string token, CancellationToken cancellationToken)
    {
        // The link signs in only the first time: afterwards it is no better than a password.
        if (user.EmailConfirmed)
        {
            TempData["Message"] = "Your email is already confirmed. Sign in with your password.";
            return Redirect("/account/sign-in");
        }

        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return Refuse(InvalidLink);
        }

        await events.RecordAsync(user.Id, SecurityEventKind.EmailConfirmed, cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false);
        await events.RecordAsync(user.Id, SecurityEventKind.SignedIn, cancellationToken);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            TempData["Message"] = "Your account is ready and your email is confirmed.";
            return LocalRedirect(ReturnUrl);
        }

        TempData["Message"] = "Your account is ready and your email is confirmed. Now start your plan.";
        return Redirect("/plans/new");
    }

    private async Task<IActionResult> ChangeEmailAsync(IdentityUser user, string newEmail, string token, CancellationToken cancellationToken)
    {
        var result = await users.ChangeEmailAsync(user, newEmail, token);
        if (!result.Succeeded)
        {
            return Refuse(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? "Another account already uses this email address, so nothing was changed."
                : InvalidLink);
        }

        // The email is also the name people sign in with. Changing it changed the security
        // stamp, so other sessions have ended; this one goes on if it is the same person.
        await users.SetUserNameAsync(user, newEmail);
        await events.RecordAsync(user.Id, SecurityEventKind.EmailChanged, cancellationToken);
        if (users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
            TempData["Message"] = $"Your email is now {newEmail}. Use it the next time you sign in.";
            return Redirect("/account");
        }

        TempData["Message"] = $"Your email is now {newEmail}. Sign in with it.";
        return Redirect("/account/sign-in");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }
}
