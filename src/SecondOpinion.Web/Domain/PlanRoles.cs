namespace SecondOpinion.Web.Domain;

/// <summary>The words people read for each role.</summary>
public static class PlanRoles
{
    public static string Name(PlanRole role) => role switch
    {
        PlanRole.Owner => "Owner",
        PlanRole.Caregiver => "Caregiver",
        PlanRole.Viewer => "Viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>What a person with this role can do, in one short sentence.</summary>
    public static string Describe(PlanRole role) => role switch
    {
        PlanRole.Owner => "Can change everything and share the plan.",
        PlanRole.Caregiver => "Can change everything except who has access.",
        PlanRole.Viewer => "Can read the plan but not change it.",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The role an invite offers, as the invited person reads it.</summary>
    public static string Offered(PlanRole role) => role switch
    {
        PlanRole.Owner => "take over this plan as its owner",
        PlanRole.Caregiver => "help with this plan as a caregiver",
        PlanRole.Viewer => "see this plan as a viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
