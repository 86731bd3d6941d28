using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Pages.Visits;

/// <summary>
/// The visit as a calendar file (.ics) with a reminder the day before. A calendar is often synced
/// and shared, so it carries no health details: only the doctor's name, the time and the place.
/// </summary>
public static class VisitCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string FileName = "second-opinion-visit.ics";

    public static string Build(Guid planId, Visit visit, string doctorName, DateTime nowUtc)
    {
        var startsAt = visit.StartsAtUtc ?? throw new InvalidOperationException("Only a booked visit has a calendar file.");
        var visitEvent = new CalendarEvent
        {
            // The same id every time, so downloading again updates the entry instead of adding a second one.
            Uid = $"second-opinion-visit-{planId:N}@secondopinion",
            Summary = $"Second opinion visit with {doctorName}",
            Location = visit.Place ?? (visit.Kind == VisitKind.Video ? "Video visit" : null),
            Description = visit.Kind == VisitKind.Video
                ? "Video visit. Have your question list, records, medicines list and insurance card with you."
                : "Bring your question list, records, medicines list, insurance card and a photo ID.",
            DtStart = new CalDateTime(startsAt, CalDateTime.UtcTzId, true),
            DtEnd = new CalDateTime(startsAt + VisitRules.CalendarLength, CalDateTime.UtcTzId, true),
            DtStamp = new CalDateTime(nowUtc, CalDateTime.UtcTzId, true),
        };
        visitEvent.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = $"Tomorrow: second opinion visit with {doctorName}",
            Trigger = new Trigger(Duration.FromDays(-1)),
        });
        var calendar = new Calendar { ProductId = "-//SecondOpinion//Visit//EN" };
        calendar.Events.Add(visitEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
