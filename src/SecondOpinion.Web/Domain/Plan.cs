namespace SecondOpinion.Web.Domain;

public enum PlanFor
{
    Myself = 0,
    SomeoneIHelp = 1,
}

/// <summary>One person's journey to a second opinion: the patient, the question, six steps.</summary>
public class Plan : IVersioned
{
    public const int PatientNameMaxLength = 100;
    public const int AboutMaxLength = 300;
    public const string DefaultTimeZoneId = "America/New_York";

    public Guid Id { get; set; } = Guid.NewGuid();
    public PlanFor For { get; set; }

    /// <summary>Required when the plan is for someone else; optional when it is for the account holder.</summary>
    public string? PatientName { get; set; }

    /// <summary>In one sentence, what the second opinion is about.</summary>
    public string? About { get; set; }

    public DateOnly? PatientDateOfBirth { get; set; }

    /// <summary>IANA time zone in which the plan's dates and times are shown.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    /// <summary>The clinic whose start link began this plan, if one did.</summary>
    public Guid? StartedByClinicId { get; set; }

    public int? StartLinkId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public List<PlanMember> Members { get; } = [];
    public List<StepProgress> Steps { get; } = [];

    public string Title => TitleFor(For, PatientName);

    public static string TitleFor(PlanFor planFor, string? patientName) =>
        planFor == PlanFor.SomeoneIHelp && !string.IsNullOrWhiteSpace(patientName)
            ? $"Plan for {patientName}"
            : "Your plan";

    public static Plan Start(string ownerUserId, PlanFor planFor, string? patientName, string? about, DateTime nowUtc)
    {
        var plan = new Plan
        {
            For = planFor,
            PatientName = Clean(patientName),
            About = Clean(about),
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        plan.Members.Add(new PlanMember { UserId = ownerUserId, Role = PlanRole.Owner, JoinedAtUtc = nowUtc });
        foreach (var step in Enum.GetValues<Step>())
        {
            plan.Steps.Add(new StepProgress { Step = step, UpdatedAtUtc = nowUtc });
        }

        return plan;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
