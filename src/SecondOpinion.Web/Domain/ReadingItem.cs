namespace SecondOpinion.Web.Domain;

/// <summary>Something the person read about their health problem (step 5): a title, and if they like a link and a note.</summary>
public class ReadingItem : IPlanOwned
{
    public const int TitleMaxLength = 200;
    public const int UrlMaxLength = 2000;
    public const int NoteMaxLength = 1000;

    /// <summary>The most items a reading list holds, not counting removed ones.</summary>
    public const int MaxPerPlan = 100;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public required string Title { get; set; }
    public string? Url { get; set; }
    public string? Note { get; set; }

    /// <summary>Set when removed, so the person can bring it back right after.</summary>
    public DateTime? DeletedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Only web pages: http or https with a host. Anything else (javascript:, file:, a bare word) is refused.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);
}
