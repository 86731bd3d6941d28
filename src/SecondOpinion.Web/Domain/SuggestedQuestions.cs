namespace SecondOpinion.Web.Domain;

public sealed record SuggestedQuestion(string Id, string Text, string Why);

public sealed record QuestionTopic(string Id, string Title, string Intro, IReadOnlyList<SuggestedQuestion> Questions);

/// <summary>The questions step 5 suggests, by topic, from Content/suggested-questions.json.</summary>
public static class SuggestedQuestions
{
    private sealed record File(IReadOnlyList<QuestionTopic> Topics);

    public static IReadOnlyList<QuestionTopic> Topics { get; } = ContentFile.Load<File>("suggested-questions.json").Topics;

    public static IEnumerable<SuggestedQuestion> All => Topics.SelectMany(t => t.Questions);

    public static SuggestedQuestion? Find(string? id) => All.FirstOrDefault(q => q.Id == id);
}
