using System.Text.RegularExpressions;

namespace SecondOpinion.UnitTests;

/// <summary>
/// The Flesch-Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
/// Syllables are counted by vowel groups, a common approximation that is close enough to catch
/// long sentences and long words.
/// </summary>
public static partial class ReadingLevel
{
    public static double FleschKincaidGrade(string text)
    {
        var sentences = Math.Max(1, SentenceEnd().Count(text));
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    public static int Syllables(string word)
    {
        var lower = word.ToLowerInvariant();
        var count = VowelGroup().Count(lower);
        if (lower.EndsWith('e') && !lower.EndsWith("le", StringComparison.Ordinal) && count > 1)
        {
            count--;
        }

        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[.!?]+(\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']*")]
    private static partial Regex Word();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
