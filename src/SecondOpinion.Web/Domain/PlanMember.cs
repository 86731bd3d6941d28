namespace SecondOpinion.Web.Domain;

public enum PlanRole
{
    Owner = 0,
    Caregiver = 1,
    Viewer = 2,
}

/// <summary>An account's place on a plan. Only members can see a plan; viewers cannot change it.</summary>
public class PlanMember : IPlanOwned
{
    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public required string UserId { get; set; }
    public PlanRole Role { get; set; }
    public DateTime JoinedAtUtc { get; set; }

    public static bool CanEdit(PlanRole role) => role is PlanRole.Owner or PlanRole.Caregiver;
}
