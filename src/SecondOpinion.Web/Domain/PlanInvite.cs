namespace SecondOpinion.Web.Domain;

/// <summary>
/// An invitation, sent by email, to join a plan with a role. The link holds a secret token; only
/// its hash is kept. It works once, for 7 days, and only for an account with the invited email.
/// An invite with the Owner role hands the plan over: the person who sent it stays as a caregiver.
/// </summary>
public class PlanInvite : IPlanOwned
{
    public const int EmailMaxLength = 254;
    public const int MaxPendingPerPlan = 20;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public required string Email { get; set; }
    public PlanRole Role { get; set; }
    public required string TokenHash { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTime? CancelledAtUtc { get; set; }

    public bool IsPending(DateTime nowUtc) => !IsClosed && nowUtc < ExpiresAtUtc;

    /// <summary>Accepted or cancelled: nothing more can happen to it (an expired one can still be sent again).</summary>
    public bool IsClosed => AcceptedAtUtc is not null || CancelledAtUtc is not null;

    public bool IsFor(string? email) => email is not null && string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase);

    public static PlanInvite Create(Guid planId, string email, PlanRole role, string createdByUserId, string tokenHash, DateTime nowUtc) => new()
    {
        PlanId = planId,
        Email = email.Trim(),
        Role = role,
        TokenHash = tokenHash,
        CreatedByUserId = createdByUserId,
        CreatedAtUtc = nowUtc,
        ExpiresAtUtc = nowUtc + Lifetime,
    };

    /// <summary>A fresh link for the same invite: the old token's hash is replaced, so the old link stops working.</summary>
    public void Renew(string tokenHash, DateTime nowUtc)
    {
        TokenHash = tokenHash;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + Lifetime;
    }
}
