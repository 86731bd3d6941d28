using System.Globalization;

namespace SecondOpinion.Web.Domain;

/// <summary>
/// What a clinic may know about the plans its start link began: how many, and how many reached
/// each step (In progress or Done). Nothing else. A count of 1 or 2 is shown as "fewer than 3",
/// because a small number can point to one person the staff know.
/// </summary>
public sealed record StartLinkCounts(int Started, IReadOnlyDictionary<Step, int> Reached)
{
    public const int SmallestShown = 3;

    public static string Show(int count) =>
        count is > 0 and < SmallestShown ? $"fewer than {SmallestShown}" : count.ToString(CultureInfo.InvariantCulture);
}
