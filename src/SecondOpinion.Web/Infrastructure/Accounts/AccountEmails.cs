using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using SecondOpinion.Web.Infrastructure.Email;

namespace SecondOpinion.Web.Infrastructure.Accounts;

/// <summary>
/// The emails about an account (reset, confirm, someone used your email, change of email), each
/// with its one-time link. Identity's tokens go in the link Base64Url-encoded; the pages decode
/// them with <see cref="DecodeToken"/>.
/// </summary>
public sealed class AccountEmails(UserManager<IdentityUser> users, IEmailSender email, PublicLinks links)
{
    public const string LinkLifetime = "2 hours";

    public async Task SendResetAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        var link = Link("/account/reset-password", user, await users.GeneratePasswordResetTokenAsync(user));
        await SendAsync(user.Email!, "Reset your SecondOpinion password", $"""
            Hello,

            Someone asked to reset the password for your SecondOpinion account.
            To choose a new password, open this link within {LinkLifetime}:

            {link}

            If you did not ask for this, you can ignore this email. Your password stays the same.
            """, cancellationToken);
    }

    public async Task SendConfirmationAsync(IdentityUser user, string? returnUrl, CancellationToken cancellationToken)
    {
        var link = Link("/account/confirm-email", user, await users.GenerateEmailConfirmationTokenAsync(user), returnUrl: returnUrl);
        await SendAsync(user.Email!, "Confirm your email for SecondOpinion", $"""
            Hello,

            Thank you for making a SecondOpinion account. To confirm that this is your email
            address and to sign in, open this link within {LinkLifetime}:

            {link}

            If you did not make an account, you can ignore this email.
            """, cancellationToken);
    }

    /// <summary>Sent instead of a confirmation when someone signs up with an email that already has an account.</summary>
    public Task SendAlreadyRegisteredAsync(IdentityUser user, CancellationToken cancellationToken) =>
        SendAsync(user.Email!, "Someone tried to make a SecondOpinion account with your email", $"""
            Hello,

            Someone tried to make a new SecondOpinion account with this email address. You already
            have an account, so nothing was changed.

            If it was you, sign in here: {links.To("/account/sign-in")}
            If you forgot your password, you can reset it here: {links.To("/account/forgot-password")}

            If it was not you, you can ignore this email.
            """, cancellationToken);

    public async Task SendChangeEmailAsync(IdentityUser user, string newEmail, CancellationToken cancellationToken)
    {
        var link = Link("/account/confirm-email", user, await users.GenerateChangeEmailTokenAsync(user, newEmail), newEmail);
        await SendAsync(newEmail, "Confirm your new email for SecondOpinion", $"""
            Hello,

            Someone asked to use this email address for a SecondOpinion account. To confirm it,
            open this link within {LinkLifetime}:

            {link}

            Until then, the account keeps its old email address. If you did not ask for this, you
            can ignore this email.
            """, cancellationToken);
    }

    /// <summary>Sent to the address an account had, once it and its data are deleted.</summary>
    public Task SendAccountDeletedAsync(string email, CancellationToken cancellationToken) =>
        SendAsync(email, "Your SecondOpinion account is deleted", $"""
            Hello,

            Your SecondOpinion account is deleted, with the plans you alone owned and everything
            in them. Plans you gave to a caregiver are theirs now. We keep nothing else about you.

            If you did not delete your account, someone knew your password. You can make a new
            account at any time: {links.To("/account/register")}
            """, cancellationToken);

    public static string? DecodeToken(string? code)
    {
        try
        {
            return string.IsNullOrEmpty(code) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Link(string path, IdentityUser user, string token, string? newEmail = null, string? returnUrl = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        };
        if (newEmail is not null)
        {
            query["email"] = newEmail;
        }

        if (!string.IsNullOrEmpty(returnUrl))
        {
            query["returnUrl"] = returnUrl;
        }

        return links.To(QueryHelpers.AddQueryString(path, query));
    }

    private Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken) =>
        email.SendAsync(new EmailMessage(to, subject, body), cancellationToken);
}
