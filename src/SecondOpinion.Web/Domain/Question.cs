namespace SecondOpinion.Web.Domain;

/// <summary>
/// One question to take to the second doctor (step 5). The list is kept in order of importance;
/// during or after the visit the person marks it asked and writes down the answer.
/// </summary>
public class Question : IPlanOwned, IVersioned
{
    public const int TextMaxLength = 500;
    public const int AnswerMaxLength = 4000;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public required string Text { get; set; }

    /// <summary>The suggested question it was picked from, if any, so the suggestions can show it is already on the list.</summary>
    public string? SuggestionId { get; set; }

    /// <summary>Place in the list: the lower, the more important. Kept when deleted, so a restored question goes back where it was.</summary>
    public int Position { get; set; }

    public bool IsAsked { get; private set; }
    public DateTime? AskedAtUtc { get; private set; }
    public string? Answer { get; set; }

    /// <summary>Set when deleted. A deleted question is hidden and does not count toward the limit, and can be brought back.</summary>
    public DateTime? DeletedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public bool IsDeleted => DeletedAtUtc is not null;

    public void SetAsked(bool asked, DateTime nowUtc)
    {
        if (asked == IsAsked)
        {
            return;
        }

        IsAsked = asked;
        AskedAtUtc = asked ? nowUtc : null;
    }
}
