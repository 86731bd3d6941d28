namespace SecondOpinion.Web.Domain;

/// <summary>
/// An invitation sent by email with a link that holds a secret token; only its hash is kept. It
/// works once, for 7 days, and only for an account with the invited email. Plan invites and
/// clinic staff invites are both this.
/// </summary>
public abstract class EmailInvite : ITokenHashed
{
    public const int EmailMaxLength = 254;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTime? CancelledAtUtc { get; set; }

    public bool IsPending(DateTime nowUtc) => !IsClosed && nowUtc < ExpiresAtUtc;

    /// <summary>Accepted or cancelled: nothing more can happen to it (an expired one can still be sent again).</summary>
    public bool IsClosed => AcceptedAtUtc is not null || CancelledAtUtc is not null;

    public bool IsFor(string? email) => email is not null && string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why a new invite to <paramref name="address"/> is turned down, or null when it may be sent:
    /// the person is already in (<paramref name="alreadyIn"/> says so in the page's words), an invite
    /// to them is waiting, or <paramref name="place"/> ("A plan", "A clinic") has as many waiting as it may.
    /// </summary>
    public static string? Refusal(
        string address, IEnumerable<string?> emailsIn, string alreadyIn, IReadOnlyCollection<string?> emailsWaiting, int maxWaiting, string place)
    {
        bool Same(string? email) => string.Equals(email, address, StringComparison.OrdinalIgnoreCase);
        if (emailsIn.Any(Same))
        {
            return alreadyIn;
        }

        if (emailsWaiting.Any(Same))
        {
            return "An invite to this email is already waiting. You can send it again below.";
        }

        return emailsWaiting.Count >= maxWaiting
            ? $"{place} can have at most {maxWaiting} invites waiting. Cancel one you do not need first."
            : null;
    }

    /// <summary>A fresh link for the same invite: the old token's hash is replaced, so the old link stops working.</summary>
    public void Renew(string tokenHash, DateTime nowUtc)
    {
        TokenHash = tokenHash;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + Lifetime;
    }
}
