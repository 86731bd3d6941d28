namespace SecondOpinion.Web.Domain;

public enum OpinionOrder
{
    First = 1,
    Second = 2,
    Third = 3,
}

/// <summary>What one doctor said: the first opinion, the second, and a third if there is one.</summary>
public class Opinion : IPlanOwned, IVersioned
{
    public const int DoctorNameMaxLength = Doctor.NameMaxLength;
    public const int DiagnosisMaxLength = 2000;
    public const int RecommendationMaxLength = 2000;
    public const int NotesMaxLength = 4000;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public OpinionOrder Order { get; set; }

    /// <summary>The doctor from the plan's list, when the opinion came from one of them.</summary>
    public int? DoctorId { get; set; }

    /// <summary>The doctor's name as it was when saved, so the opinion keeps it if the doctor leaves the list.</summary>
    public required string DoctorName { get; set; }

    public DateOnly GivenOn { get; set; }

    /// <summary>What the doctor says the problem is, in their words.</summary>
    public string? Diagnosis { get; set; }

    public string? Recommendation { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

public enum OpinionsComparison
{
    NotMarked = 0,
    Agree = 1,
    Differ = 2,
    NotSureYet = 3,
}

/// <summary>How the plan ends: whether the opinions agree, and the decision the person made.</summary>
public class PlanOutcome : IPlanOwned, IVersioned
{
    public const int DecisionMaxLength = 2000;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public OpinionsComparison Comparison { get; set; }
    public string? Decision { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public bool IsFinished => FinishedAtUtc is not null;

    public void Finish(string decision, DateTime nowUtc)
    {
        Decision = decision.Trim();
        FinishedAtUtc ??= nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Opens the plan again; the decision stays written down in case it is still useful.</summary>
    public void Reopen(DateTime nowUtc)
    {
        FinishedAtUtc = null;
        UpdatedAtUtc = nowUtc;
    }
}

public static class OpinionGuide
{
    public static string Label(this OpinionOrder order) => order switch
    {
        OpinionOrder.First => "The first opinion",
        OpinionOrder.Second => "The second opinion",
        OpinionOrder.Third => "A third opinion",
        _ => throw new ArgumentOutOfRangeException(nameof(order)),
    };

    public static string Label(this OpinionsComparison comparison) => comparison switch
    {
        OpinionsComparison.Agree => "They agree",
        OpinionsComparison.Differ => "They are different",
        OpinionsComparison.NotSureYet => "I'm not sure yet",
        OpinionsComparison.NotMarked => "Not marked yet",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>What to do when the two opinions differ (grade 8 or below; a unit test checks).</summary>
    public static IReadOnlyList<string> WhenTheyDiffer { get; } =
    [
        "Your two doctors do not agree. This happens more than you might think, and it does not mean either doctor is wrong.",
        "Talk it over with both doctors. Tell each one what the other said. Ask why they see it differently, and what would change their mind.",
        "You can also get a third opinion. If you have Original Medicare, Part B helps pay for a third opinion when the first two differ.",
    ];

    public static IReadOnlyList<string> WhenTheyAgree { get; } =
    [
        "Both doctors say much the same thing. That can help you feel sure about your choice.",
    ];
}
