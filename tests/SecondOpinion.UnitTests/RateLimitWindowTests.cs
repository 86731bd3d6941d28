using SecondOpinion.Web.Domain;

namespace SecondOpinion.UnitTests;

public class RateLimitWindowTests
{
    [Theory]
    [InlineData("2026-12-04T10:07:30", 15, "2026-12-04T10:00:00")]
    [InlineData("2026-12-04T10:15:00", 15, "2026-12-04T10:15:00")]
    [InlineData("2026-12-04T10:14:59.999", 15, "2026-12-04T10:00:00")]
    [InlineData("2026-12-04T10:59:59", 60, "2026-12-04T10:00:00")]
    public void Every_instance_puts_a_moment_in_the_same_whole_window(string now, int minutes, string start)
    {
        var nowUtc = DateTime.SpecifyKind(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var windowStart = RateLimitCounter.WindowStart(nowUtc, TimeSpan.FromMinutes(minutes));

        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), windowStart);
        Assert.Equal(DateTimeKind.Utc, windowStart.Kind);
    }
}
