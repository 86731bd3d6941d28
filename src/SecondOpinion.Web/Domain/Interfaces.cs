namespace SecondOpinion.Web.Domain;

/// <summary>Anything that belongs to one plan. Queries for it always filter by plan.</summary>
public interface IPlanOwned
{
    Guid PlanId { get; }
}

/// <summary>
/// A row that two people could edit at once. The version goes out with the form and comes back;
/// a save based on an old version is refused instead of silently overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A row opened by a secret link: only the SHA-256 hash of the link's token is kept.</summary>
public interface ITokenHashed
{
    string TokenHash { get; }
}
