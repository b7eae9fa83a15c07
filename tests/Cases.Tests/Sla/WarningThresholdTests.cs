using Cases.Sla;
using NodaTime;
using static Cases.Tests.Sla.SlaData;

namespace Cases.Tests.Sla;

public class WarningThresholdTests
{
    private static readonly WorkingCalendar Calendar = SlaData.Calendar;

    [Fact]
    public void A_percentage_warns_after_that_share_of_the_allowed_working_time()
    {
        var start = Hue(2025, 3, 4, 9, 0);
        var due = Calendar.AddWorkingTime(start, Duration.FromHours(4)); // 15:00

        // 80 % of 4 h = 3 h 12 min: 2.5 h to 11:30, then 42 min from 13:30.
        Assert.Equal(Hue(2025, 3, 4, 14, 12), new WarningThreshold.PercentOfAllowedTime(80).WarnAt(Calendar, start, due));
    }

    [Fact]
    public void A_lead_time_warns_that_much_working_time_before_due()
    {
        var start = Hue(2025, 3, 4, 9, 0);
        var due = Calendar.AddWorkingTime(start, Duration.FromHours(4)); // 15:00

        Assert.Equal(Hue(2025, 3, 4, 11, 0), new WarningThreshold.BeforeDue(Duration.FromHours(2)).WarnAt(Calendar, start, due));
    }

    [Fact]
    public void A_lead_time_longer_than_the_allowed_time_warns_at_the_start()
    {
        var start = Hue(2025, 3, 4, 9, 0);
        var due = Calendar.AddWorkingTime(start, Duration.FromHours(1));

        Assert.Equal(start, new WarningThreshold.BeforeDue(Duration.FromHours(2)).WarnAt(Calendar, start, due));
    }

    [Fact]
    public void A_percentage_outside_1_to_99_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarningThreshold.PercentOfAllowedTime(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarningThreshold.PercentOfAllowedTime(100));
    }
}
