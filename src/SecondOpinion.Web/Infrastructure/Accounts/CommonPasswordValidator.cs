using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace SecondOpinion.Web.Infrastructure.Accounts;

/// <summary>
/// Refuses passwords that are on a short list of common ones, that repeat one character, or that
/// are the account's own email address. Length is checked by Identity's own rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<IdentityUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly HashSet<string> Common = LoadList();

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password) =>
        Task.FromResult(IsTooEasy(password, user.Email)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is too easy to guess. Try a few words that are not often used together.",
            })
            : IdentityResult.Success);

    public static bool IsTooEasy(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        return Common.Contains(password)
            || password.Distinct().Count() == 1
            || string.Equals(password, email, StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<string> LoadList()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("SecondOpinion.Web.Content.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }

        return words;
    }
}
