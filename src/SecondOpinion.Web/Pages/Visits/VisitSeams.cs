namespace SecondOpinion.Web.Pages.Visits;

/// <summary>
/// Whether records asked for on the way to a doctor have not arrived yet. The visit page warns
/// when they are missing and the visit is close. Step 4 (records requests) knows the answer; until
/// it is wired in, <see cref="NoRecordsRequestsYet"/> says nothing is outstanding.
/// </summary>
public interface IRecordsArrivalCheck
{
    Task<bool> RecordsNotYetReceivedAsync(Guid planId, int doctorId, CancellationToken cancellationToken);
}

/// <summary>Stands in until the records feature supplies a real <see cref="IRecordsArrivalCheck"/>.</summary>
public sealed class NoRecordsRequestsYet : IRecordsArrivalCheck
{
    public Task<bool> RecordsNotYetReceivedAsync(Guid planId, int doctorId, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>
/// The plan's questions for the visit brief, most important first. Step 5 (the question list)
/// knows them; until it is wired in, <see cref="NoQuestionListYet"/> gives none.
/// </summary>
public interface IVisitBriefQuestions
{
    Task<IReadOnlyList<string>> QuestionsAsync(Guid planId, CancellationToken cancellationToken);
}

/// <summary>Stands in until the question list supplies a real <see cref="IVisitBriefQuestions"/>.</summary>
public sealed class NoQuestionListYet : IVisitBriefQuestions
{
    public Task<IReadOnlyList<string>> QuestionsAsync(Guid planId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
