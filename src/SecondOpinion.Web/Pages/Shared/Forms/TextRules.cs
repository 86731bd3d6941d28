using System.Text.RegularExpressions;
using FluentValidation;

namespace SecondOpinion.Web.Pages.Shared.Forms;

/// <summary>Field rules for free text and phone numbers, with the same plain messages everywhere.</summary>
public static partial class TextRules
{
    public static IRuleBuilderOptions<T, string?> AtMost<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).WithMessage($"Keep this to {maxLength} characters or fewer.");

    /// <summary>
    /// No control characters but line breaks and tabs. Forms never get here with them (<see cref="TextBinder"/>
    /// drops them); this is for text that does not come through a form, such as the <c>clinics add</c> command's.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || TextBinder.WithoutControlCharacters(text) == text)
            .WithMessage("Use letters, numbers, spaces and punctuation only.");

    /// <summary>Empty, or a phone or fax number: 7 to 15 digits with the usual spacing marks, and an optional extension.</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(IsPhoneNumber).WithMessage("Write the number with digits, like 555-123-4567.")
            .MaximumLength(maxLength).WithMessage($"Keep this to {maxLength} characters or fewer.");

    public static bool IsPhoneNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var match = PhonePattern().Match(text.Trim());
        var digits = match.Success ? match.Groups["main"].Value.Count(char.IsAsciiDigit) : 0;
        return digits is >= 7 and <= 15;
    }

    [GeneratedRegex(@"^(?<main>\+?[0-9(][0-9()\-. ]*?)(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
