namespace SecondOpinion.Web.Domain;

/// <summary>
/// One line of a plan's activity list: who did what, and when. The text is always a fixed phrase
/// chosen by the app ("added a question"), never words a person typed, so no health details are
/// copied into it.
/// </summary>
public class PlanActivity : IPlanOwned
{
    public const int TextMaxLength = 100;

    public long Id { get; set; }
    public Guid PlanId { get; set; }

    /// <summary>Null once the person's account is deleted.</summary>
    public string? ActorUserId { get; set; }

    public DateTime AtUtc { get; set; }
    public required string Text { get; set; }
}
