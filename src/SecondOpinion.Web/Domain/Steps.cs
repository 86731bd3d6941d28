namespace SecondOpinion.Web.Domain;

/// <summary>The six steps of getting a second opinion, in the handout's order.</summary>
public enum Step
{
    AskYourDoctor = 1,
    AskSomeoneYouTrust = 2,
    CheckInsurance = 3,
    SendRecords = 4,
    LearnAndListQuestions = 5,
    BeSeenInPerson = 6,
}

public enum StepStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
}

public static class StepStatusText
{
    public static string Label(this StepStatus status) => status switch
    {
        StepStatus.NotStarted => "Not started",
        StepStatus.InProgress => "In progress",
        StepStatus.Done => "Done",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
