namespace SecondOpinion.Web.Domain;

/// <summary>
/// An invitation to join a plan with a role (see <see cref="EmailInvite"/> for the link's rules).
/// An invite with the Owner role hands the plan over: the person who sent it stays as a caregiver.
/// </summary>
public class PlanInvite : EmailInvite, IPlanOwned
{
    public const int MaxPendingPerPlan = 20;

    public Guid PlanId { get; set; }
    public PlanRole Role { get; set; }
    public required string CreatedByUserId { get; set; }

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
}
