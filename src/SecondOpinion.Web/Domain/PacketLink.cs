namespace SecondOpinion.Web.Domain;

public enum PacketLinkStatus
{
    Active = 0,
    Expired = 1,
    Revoked = 2,
}

/// <summary>
/// A read-only link to the plan's one-page visit packet, for the second doctor's office: no
/// account needed. The link holds a secret token; only its hash is kept. It works for 1 to 90
/// days (14 unless the person chooses), and can be ended at once. Each opening is kept, with its
/// time only.
/// </summary>
public class PacketLink : IPlanOwned
{
    public const int DefaultDays = 14;
    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int MaxActivePerPlan = 20;

    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>Null once that person's account is deleted; the link keeps working for the plan's other people.</summary>
    public string? CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>The clinic that started the plan, when the person chose to show the packet to its staff too: it is in their list while the link works.</summary>
    public Guid? SharedWithClinicId { get; set; }

    public List<PacketLinkOpen> Opens { get; } = [];

    public PacketLinkStatus StatusAt(DateTime nowUtc) => StatusOf(ExpiresAtUtc, RevokedAtUtc, nowUtc);

    public static PacketLinkStatus StatusOf(DateTime expiresAtUtc, DateTime? revokedAtUtc, DateTime nowUtc) =>
        revokedAtUtc is not null ? PacketLinkStatus.Revoked
        : nowUtc >= expiresAtUtc ? PacketLinkStatus.Expired
        : PacketLinkStatus.Active;

    public static PacketLink Create(Guid planId, string createdByUserId, string tokenHash, int days, DateTime nowUtc)
    {
        if (days is < MinDays or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), $"A packet link works for {MinDays} to {MaxDays} days.");
        }

        return new PacketLink
        {
            PlanId = planId,
            TokenHash = tokenHash,
            CreatedByUserId = createdByUserId,
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc.AddDays(days),
        };
    }

    /// <summary>Ends the link now. Ending it twice keeps the first time.</summary>
    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}

/// <summary>One time a packet link was opened. Only the time: nothing about who opened it.</summary>
public class PacketLinkOpen
{
    public long Id { get; set; }
    public int PacketLinkId { get; set; }
    public DateTime OpenedAtUtc { get; set; }
}

public static class PacketLinkWords
{
    public static string Label(this PacketLinkStatus status) => status switch
    {
        PacketLinkStatus.Active => "Active",
        PacketLinkStatus.Expired => "Expired",
        PacketLinkStatus.Revoked => "Ended",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
