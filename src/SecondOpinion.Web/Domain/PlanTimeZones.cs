namespace SecondOpinion.Web.Domain;

/// <summary>The time zones a plan can show its dates in: the United States and its territories.</summary>
public static class PlanTimeZones
{
    public static IReadOnlyList<(string Id, string Name)> All { get; } =
    [
        ("America/New_York", "Eastern time"),
        ("America/Chicago", "Central time"),
        ("America/Denver", "Mountain time"),
        ("America/Phoenix", "Arizona time"),
        ("America/Los_Angeles", "Pacific time"),
        ("America/Anchorage", "Alaska time"),
        ("Pacific/Honolulu", "Hawaii time"),
        ("America/Puerto_Rico", "Atlantic time (Puerto Rico, U.S. Virgin Islands)"),
        ("Pacific/Guam", "Chamorro time (Guam, Northern Mariana Islands)"),
        ("Pacific/Pago_Pago", "Samoa time (American Samoa)"),
    ];

    public static bool IsKnown(string? id) => All.Any(zone => zone.Id == id);

    public static TimeZoneInfo Find(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
