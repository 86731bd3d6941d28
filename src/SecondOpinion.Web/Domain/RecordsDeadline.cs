namespace SecondOpinion.Web.Domain;

public enum RecordsDueState
{
    Waiting = 0,
    DueSoon = 1,
    Overdue = 2,
}

/// <summary>
/// When the office should have acted on a sent request. Under the right of access an office has 30
/// days; the app uses the same 30 days to remind the person about any request that has not arrived.
/// </summary>
public sealed record RecordsDeadline(DateOnly DueOn, int DaysLeft)
{
    public const int DaysToAct = 30;

    /// <summary>A request shows as "due soon" in its last week.</summary>
    public const int DueSoonDays = 7;

    public RecordsDueState State => DaysLeft switch
    {
        < 0 => RecordsDueState.Overdue,
        <= DueSoonDays => RecordsDueState.DueSoon,
        _ => RecordsDueState.Waiting,
    };

    public int DaysLate => Math.Max(0, -DaysLeft);

    public static RecordsDeadline From(DateOnly sentOn, DateOnly today)
    {
        var dueOn = sentOn.AddDays(DaysToAct);
        return new RecordsDeadline(dueOn, dueOn.DayNumber - today.DayNumber);
    }
}
