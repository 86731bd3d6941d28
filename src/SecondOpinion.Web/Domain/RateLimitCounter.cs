namespace SecondOpinion.Web.Domain;

/// <summary>
/// How many counted requests one rate limit has let through for one client address or one
/// account in one fixed window. Kept in the database so every app instance counts on the same row.
/// The address or account itself is never stored: <see cref="Key"/> holds only its SHA-256.
/// </summary>
public class RateLimitCounter
{
    public const int KeyLength = 100;

    /// <summary>"{policy}:{address or account}:{SHA-256 of the address or account, hex}".</summary>
    public required string Key { get; set; }

    public DateTime WindowStartUtc { get; set; }

    /// <summary>When the window ends; the row can be deleted from then on.</summary>
    public DateTime WindowEndUtc { get; set; }

    public int Count { get; set; }

    /// <summary>
    /// The start of the window that <paramref name="nowUtc"/> falls in. Windows are whole multiples
    /// of their length, so every instance puts a request in the same window without agreeing first.
    /// </summary>
    public static DateTime WindowStart(DateTime nowUtc, TimeSpan window) =>
        new(nowUtc.Ticks - (nowUtc.Ticks % window.Ticks), DateTimeKind.Utc);
}
