namespace SecondOpinion.Web.Domain;

/// <summary>Rules for a plan's list of questions as a whole: how many it holds and its order.</summary>
public static class QuestionList
{
    /// <summary>The most questions a plan can hold, not counting deleted ones. Enough for any visit, small enough to print.</summary>
    public const int MaxQuestions = 200;

    /// <summary>How many more questions fit, given how many the list holds now.</summary>
    public static int RoomLeft(int questionCount) => Math.Max(0, MaxQuestions - questionCount);

    /// <summary>
    /// True when the two questions sit next to each other in the list as it is now. A move swaps a
    /// question with the neighbour the person saw; if someone else changed the order since, they
    /// are no longer neighbours and the move is refused instead of landing somewhere unexpected.
    /// </summary>
    public static bool AreNeighbours(IReadOnlyList<Question> inOrder, int firstId, int secondId)
    {
        var ids = inOrder.Select(q => q.Id).ToList();
        var first = ids.IndexOf(firstId);
        var second = ids.IndexOf(secondId);
        return first >= 0 && second >= 0 && Math.Abs(first - second) == 1;
    }

    public static IOrderedEnumerable<Question> InOrder(this IEnumerable<Question> questions) =>
        questions.OrderBy(q => q.Position).ThenBy(q => q.Id);

    public static IOrderedQueryable<Question> InOrder(this IQueryable<Question> questions) =>
        questions.OrderBy(q => q.Position).ThenBy(q => q.Id);
}
