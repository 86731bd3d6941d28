using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace SecondOpinion.Web.Pages.Account;

/// <summary>
/// What the passkey forms share: a passkey's id in a form field, its name, and how a browser's
/// answer to a passkey ceremony is checked before Identity reads it.
/// </summary>
public static class PasskeyRules
{
    public const int NameMaxLength = 60;
    public const string DefaultName = "Passkey";

    /// <summary>A real answer from a browser is a few kilobytes; anything much larger is not one.</summary>
    public const int CredentialMaxLength = 64 * 1024;

    public static string IdOf(UserPasskeyInfo passkey) => WebEncoders.Base64UrlEncode(passkey.CredentialId);

    public static string NameOf(UserPasskeyInfo passkey) => string.IsNullOrWhiteSpace(passkey.Name) ? DefaultName : passkey.Name;

    /// <summary>The credential id from a form field, or null when it is not one.</summary>
    public static byte[]? ParseId(string? id)
    {
        try
        {
            return string.IsNullOrEmpty(id) || id.Length > 2048 ? null : WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static IRuleBuilderOptions<T, string?> PasskeyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(NameMaxLength).WithMessage($"A passkey's name can be at most {NameMaxLength} characters.");

    /// <summary>The hidden field the script fills: empty means the browser sent nothing (no script ran).</summary>
    public static IRuleBuilderOptions<T, string?> CeremonyAnswer<T>(this IRuleBuilderInitial<T, string?> rule, string message) =>
        rule.NotEmpty().WithMessage(message);

    /// <summary>
    /// Hands the browser's answer to Identity (<paramref name="verify"/>), unless it is too large to
    /// be one. Null when there is nothing to verify against: Identity throws, rather than failing,
    /// when no ceremony is under way for this browser (its options were never asked for, or were
    /// used already).
    /// </summary>
    public static async Task<T?> VerifyAsync<T>(string? credential, Func<string, Task<T>> verify) where T : class
    {
        if (credential is not { Length: > 0 and <= CredentialMaxLength })
        {
            return null;
        }

        try
        {
            return await verify(credential);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The same page again, with the message beside the passkey button, as 400: the browser's
    /// answer was sent but could not be used (not a passkey answer, or one that does not verify).
    /// </summary>
    public static PageResult Refused(this PageModel page, string field, string message)
    {
        page.ModelState.AddModelError(field, message);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
