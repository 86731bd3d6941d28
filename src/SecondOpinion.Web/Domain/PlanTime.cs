using System.Globalization;

namespace SecondOpinion.Web.Domain;

/// <summary>
/// Dates and times in the plan's time zone. Times are stored in UTC; people see and type them in
/// the plan's own zone, so a visit at 9:30 stays at 9:30 on either side of a clock change.
/// </summary>
public static class PlanTime
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static DateTime ToLocal(DateTime utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), PlanTimeZones.Find(timeZoneId));

    public static DateOnly Today(DateTime utcNow, string timeZoneId) => DateOnly.FromDateTime(ToLocal(utcNow, timeZoneId));

    /// <summary>Today's date where the plan's people live, from the app's clock.</summary>
    public static DateOnly Today(this TimeProvider clock, string timeZoneId) => Today(clock.GetUtcNow().UtcDateTime, timeZoneId);

    /// <summary>
    /// The UTC instant of a local date and time, or null when that time does not exist because the
    /// clocks move forward that night. A time that happens twice (the clocks move back) is taken
    /// as standard time, the second of the two.
    /// </summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time, string timeZoneId)
    {
        var zone = PlanTimeZones.Find(timeZoneId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>"Tuesday, March 10, 2026, at 9:30 AM Eastern time".</summary>
    public static string Describe(DateTime utc, string timeZoneId) =>
        $"{ToLocal(utc, timeZoneId).ToString("dddd, MMMM d, yyyy, 'at' h:mm tt", English)} {ZoneName(timeZoneId)}";

    /// <summary>"March 10, 2026".</summary>
    public static string Describe(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    public static string ZoneName(string timeZoneId) =>
        PlanTimeZones.All.FirstOrDefault(zone => zone.Id == timeZoneId).Name ?? timeZoneId;
}
