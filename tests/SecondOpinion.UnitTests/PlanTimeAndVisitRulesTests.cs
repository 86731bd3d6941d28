using SecondOpinion.Web.Domain;

namespace SecondOpinion.UnitTests;

public class PlanTimeAndVisitRulesTests
{
    private const string Eastern = "America/New_York";

    // In 2026 the clocks in the United States move forward on March 8 and back on November 1.
    [Theory]
    [InlineData(2026, 3, 6, 9, 30, 2026, 3, 6, 14, 30)]
    [InlineData(2026, 3, 9, 9, 30, 2026, 3, 9, 13, 30)]
    [InlineData(2026, 10, 30, 9, 30, 2026, 10, 30, 13, 30)]
    [InlineData(2026, 11, 2, 9, 30, 2026, 11, 2, 14, 30)]
    [InlineData(2026, 12, 31, 23, 15, 2027, 1, 1, 4, 15)]
    public void A_local_time_becomes_the_right_utc_instant_on_either_side_of_a_clock_change(
        int year, int month, int day, int hour, int minute, int utcYear, int utcMonth, int utcDay, int utcHour, int utcMinute)
    {
        var utc = PlanTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute), Eastern);

        Assert.Equal(new DateTime(utcYear, utcMonth, utcDay, utcHour, utcMinute, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), PlanTime.ToLocal(utc.Value, Eastern));
    }

    [Fact]
    public void A_time_the_clocks_skip_has_no_utc_instant()
    {
        Assert.Null(PlanTime.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), Eastern));
        Assert.NotNull(PlanTime.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(3, 0), Eastern));
    }

    [Fact]
    public void A_time_that_happens_twice_is_taken_as_standard_time()
    {
        var utc = PlanTime.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), Eastern);

        Assert.Equal(new DateTime(2026, 11, 1, 6, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void Arizona_keeps_the_same_offset_all_year()
    {
        Assert.Equal(new DateTime(2026, 3, 9, 16, 30, 0, DateTimeKind.Utc), PlanTime.ToUtc(new DateOnly(2026, 3, 9), new TimeOnly(9, 30), "America/Phoenix"));
        Assert.Equal(new DateTime(2026, 1, 9, 16, 30, 0, DateTimeKind.Utc), PlanTime.ToUtc(new DateOnly(2026, 1, 9), new TimeOnly(9, 30), "America/Phoenix"));
    }

    [Fact]
    public void Today_is_the_plans_date_not_the_servers()
    {
        var lateEveningInNewYork = new DateTime(2026, 3, 10, 3, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2026, 3, 9), PlanTime.Today(lateEveningInNewYork, Eastern));
        Assert.Equal(new DateOnly(2026, 3, 10), PlanTime.Today(lateEveningInNewYork, "Pacific/Guam"));
    }

    [Fact]
    public void Times_are_described_in_plain_words_with_the_zone_name()
    {
        var utc = new DateTime(2026, 3, 10, 13, 30, 0, DateTimeKind.Utc);

        Assert.Equal("Tuesday, March 10, 2026, at 9:30 AM Eastern time", PlanTime.Describe(utc, Eastern));
        Assert.Equal("Tuesday, March 10, 2026, at 6:30 AM Pacific time", PlanTime.Describe(utc, "America/Los_Angeles"));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(24 * 7, true)]
    [InlineData(24 * 7 + 1, false)]
    public void Missing_records_are_worth_a_warning_only_in_the_week_before_the_visit(int hoursUntilVisit, bool warn)
    {
        var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(warn, VisitRules.ShouldWarnRecordsMissing(now.AddHours(hoursUntilVisit), now, recordsNotYetReceived: true));
        Assert.False(VisitRules.ShouldWarnRecordsMissing(now.AddHours(hoursUntilVisit), now, recordsNotYetReceived: false));
    }

    [Fact]
    public void The_checklist_has_each_thing_to_bring_once()
    {
        Assert.Equal(6, VisitRules.Checklist.Distinct().Count());
        Assert.DoesNotContain(BringItem.None, VisitRules.Checklist);
        Assert.All(VisitRules.Checklist, item => Assert.False(string.IsNullOrWhiteSpace(item.Label())));
    }
}
