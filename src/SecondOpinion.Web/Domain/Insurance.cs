namespace SecondOpinion.Web.Domain;

/// <summary>The kind of health coverage the patient has; it decides which facts step 3 shows.</summary>
public enum CoverageKind
{
    NotSure = 0,
    OriginalMedicare = 1,
    MedicareAdvantage = 2,
    Medicaid = 3,
    EmployerOrPrivate = 4,
    None = 5,
}

/// <summary>The patient's coverage, one per plan (step 3).</summary>
public class InsuranceCoverage : IPlanOwned, IVersioned
{
    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public CoverageKind Kind { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>The six things to ask the insurance company, in the order they are asked.</summary>
public enum InsuranceQuestion
{
    Covered = 0,
    ReferralNeeded = 1,
    ApprovalNeeded = 2,
    InNetworkNeeded = 3,
    WhatIWillPay = 4,
    DoctorMustDoFirst = 5,
}

public enum CallAnswer
{
    NotAsked = 0,
    Yes = 1,
    No = 2,
    NotSure = 3,
}

/// <summary>One answer given on one call. Every call holds one for each question.</summary>
public class InsuranceAnswer
{
    public const int NoteMaxLength = 1000;

    public InsuranceQuestion Question { get; set; }
    public CallAnswer Answer { get; set; }
    public string? Note { get; set; }
}

/// <summary>A call to the insurance company and what they said (step 3's call log).</summary>
public class InsuranceCall : IPlanOwned, IVersioned
{
    public const int CompanyMaxLength = 120;
    public const int SpokeToMaxLength = 120;
    public const int ReferenceMaxLength = 60;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public DateOnly CalledOn { get; set; }

    /// <summary>The insurance plan or company called.</summary>
    public required string Company { get; set; }

    public string? SpokeTo { get; set; }
    public string? ReferenceNumber { get; set; }
    public List<InsuranceAnswer> Answers { get; } = [];
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    /// <summary>Sets the answer to one question, changing the stored answer in place.</summary>
    public void SetAnswer(InsuranceQuestion question, CallAnswer answer, string? note)
    {
        var stored = Answers.SingleOrDefault(a => a.Question == question);
        if (stored is null)
        {
            stored = new InsuranceAnswer { Question = question };
            Answers.Add(stored);
        }

        stored.Answer = answer;
        stored.Note = Plan.Clean(note);
    }

    public InsuranceAnswer AnswerTo(InsuranceQuestion question) =>
        Answers.SingleOrDefault(a => a.Question == question) ?? new InsuranceAnswer { Question = question };
}

/// <summary>The latest answer to one question across all calls.</summary>
public sealed record InsuranceFinding(InsuranceQuestion Question, CallAnswer Answer, string? Note, DateOnly? CalledOn)
{
    /// <summary>A yes or a no is known; "not sure" and never asked are still to find out.</summary>
    public bool IsKnown => Answer is CallAnswer.Yes or CallAnswer.No;
}

public static class InsuranceQuestions
{
    public static IReadOnlyList<InsuranceQuestion> All { get; } = Enum.GetValues<InsuranceQuestion>();

    public static string Text(this InsuranceQuestion question) => question switch
    {
        InsuranceQuestion.Covered => "Do you pay for a second opinion?",
        InsuranceQuestion.ReferralNeeded => "Do I need a referral from my doctor?",
        InsuranceQuestion.ApprovalNeeded => "Do I need your approval before the visit?",
        InsuranceQuestion.InNetworkNeeded => "Must the new doctor be in my plan's network?",
        InsuranceQuestion.WhatIWillPay => "How much will I pay?",
        InsuranceQuestion.DoctorMustDoFirst => "Is there anything my doctor must do first?",
        _ => throw new ArgumentOutOfRangeException(nameof(question)),
    };

    public static string Label(this CallAnswer answer) => answer switch
    {
        CallAnswer.NotAsked => "I did not ask this time",
        CallAnswer.Yes => "Yes",
        CallAnswer.No => "No",
        CallAnswer.NotSure => "I'm not sure yet",
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    /// <summary>
    /// For each question, the latest answer given on any call: the call with the latest date wins,
    /// and of two calls on the same day the one written down later. A question not asked on a
    /// call keeps the answer from an earlier call.
    /// </summary>
    public static IReadOnlyList<InsuranceFinding> Latest(IEnumerable<InsuranceCall> calls)
    {
        var newestFirst = calls.OrderByDescending(c => c.CalledOn).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).ToList();
        return All.Select(question =>
        {
            var (call, answer) = newestFirst
                .Select(c => (Call: c, Answer: c.AnswerTo(question)))
                .FirstOrDefault(pair => pair.Answer.Answer != CallAnswer.NotAsked);
            return call is null
                ? new InsuranceFinding(question, CallAnswer.NotAsked, null, null)
                : new InsuranceFinding(question, answer.Answer, answer.Note, call.CalledOn);
        }).ToList();
    }
}

/// <summary>A heading and its facts about one kind of coverage.</summary>
public sealed record CoverageFactSection(string Heading, IReadOnlyList<string> Facts);

/// <summary>
/// What is true about paying for a second opinion, by kind of coverage. The facts come from the
/// product brief; the words are plain (grade 8 or below; a unit test checks).
/// </summary>
public static class CoverageFacts
{
    public static string Label(this CoverageKind kind) => kind switch
    {
        CoverageKind.OriginalMedicare => "Original Medicare (the red, white and blue card)",
        CoverageKind.MedicareAdvantage => "A Medicare Advantage plan (Medicare from a private company)",
        CoverageKind.Medicaid => "Medicaid",
        CoverageKind.EmployerOrPrivate => "A plan from work, or one I bought myself",
        CoverageKind.None => "No insurance",
        CoverageKind.NotSure => "I'm not sure",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private const string StateLaws = "Some states have laws that make health plans pay for a second opinion. Ask your plan about this.";

    private static readonly CoverageFactSection OriginalMedicare = new("Original Medicare",
    [
        "Medicare Part B helps pay for a second opinion before surgery that is not an emergency. It also helps before a major test or treatment.",
        "If the first two doctors do not agree, Part B also helps pay for a third opinion.",
        "You pay the usual 20% of the cost, after you meet your Part B deductible.",
        "You do not need a referral from your doctor.",
    ]);

    private static readonly CoverageFactSection MedicareAdvantage = new("Medicare Advantage plans",
    [
        "These plans are run by private companies. Your plan may want a referral from your main doctor first.",
        "It may need to approve the visit before you go.",
        "It may only pay for doctors in its network. A network is the group of doctors the plan works with.",
        StateLaws,
    ]);

    private static readonly CoverageFactSection Medicaid = new("Medicaid",
    [
        "Medicaid rules are not the same in every state. Call your Medicaid plan before the visit.",
        "Ask if you need a referral or their approval first, and if the doctor must be in their network.",
    ]);

    private static readonly CoverageFactSection EmployerOrPrivate = new("Plans from work and plans you buy",
    [
        "Your plan may want a referral from your main doctor first.",
        "It may need to approve the visit before you go.",
        "It may only pay for doctors in its network. A network is the group of doctors the plan works with.",
        StateLaws,
    ]);

    private static readonly CoverageFactSection NoInsurance = new("If you have no insurance",
    [
        "You will pay for the visit yourself. Call the doctor's office before you go and ask what it will cost.",
        "Ask if they have a lower price for people who pay for themselves.",
    ]);

    private static readonly CoverageFactSection NotSure = new("If you are not sure",
    [
        "Look at your insurance card. It shows the name of your plan and a phone number.",
        "Call that number and ask what kind of plan you have. Here is what is true for the most common kinds.",
    ]);

    public static IReadOnlyList<CoverageFactSection> For(CoverageKind kind) => kind switch
    {
        CoverageKind.OriginalMedicare => [OriginalMedicare],
        CoverageKind.MedicareAdvantage => [MedicareAdvantage],
        CoverageKind.Medicaid => [Medicaid],
        CoverageKind.EmployerOrPrivate => [EmployerOrPrivate],
        CoverageKind.None => [NoInsurance],
        CoverageKind.NotSure => [NotSure, OriginalMedicare, MedicareAdvantage, EmployerOrPrivate],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Every section, so a test can check the reading level of all of them.</summary>
    public static IEnumerable<CoverageFactSection> All =>
        Enum.GetValues<CoverageKind>().SelectMany(For).Distinct();
}
