using ClaudBot.Cluster.Schedules;

namespace ClaudBot.Cluster.Tests.Schedules;

/// <summary>NextOccurrence as a pure function of an instant: weekends, IST's fixed offset, midnight, a time already passed.</summary>
public sealed class ScheduleRecurrenceTests
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, Ist);

    [Fact]
    public void Weekdays_BeforeTheTimeToday_FireToday()
    {
        var recurrence = ScheduleRecurrence.Parse("weekdays", "18:00", null);

        // Monday 5 January 2026, 09:00 IST.
        Assert.Equal(At(5, 18), recurrence.NextOccurrence(At(5, 9)));
    }

    [Fact]
    public void Weekdays_TimeAlreadyPassedToday_FireTomorrow_AndExactlyAtTheTimeIsPassed()
    {
        var recurrence = ScheduleRecurrence.Parse("weekdays", "18:00", null);

        Assert.Equal(At(6, 18), recurrence.NextOccurrence(At(5, 18)));
        Assert.Equal(At(6, 18), recurrence.NextOccurrence(At(5, 18, 1)));
    }

    [Fact]
    public void Weekdays_SkipTheWeekend()
    {
        var recurrence = ScheduleRecurrence.Parse("weekdays", "18:00", null);

        // Friday 9 January after its run: Monday 12 January.
        Assert.Equal(At(12, 18), recurrence.NextOccurrence(At(9, 19)));
        Assert.Equal(At(12, 18), recurrence.NextOccurrence(At(10, 12)));
    }

    [Fact]
    public void TheDefaultZoneIsIst_ReadFromAUtcInstantAcrossMidnight()
    {
        var recurrence = ScheduleRecurrence.Parse("daily", "00:30", null);

        // 19:15 UTC on the 5th is 00:45 IST on the 6th: 00:30 IST on the 6th has passed, so the 7th's (19:00 UTC on the 6th).
        var next = recurrence.NextOccurrence(new DateTimeOffset(2026, 1, 5, 19, 15, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 6, 19, 0, 0, TimeSpan.Zero), next.ToUniversalTime());
        Assert.Equal("Asia/Kolkata", recurrence.TimeZoneId);
    }

    [Fact]
    public void ChosenDays_FireOnlyOnThem()
    {
        var recurrence = ScheduleRecurrence.Parse("mon,wed,fri", "09:15", null);

        Assert.Equal(At(7, 9, 15), recurrence.NextOccurrence(At(5, 10)));
        Assert.Equal(At(9, 9, 15), recurrence.NextOccurrence(At(7, 9, 15)));
        Assert.Equal(At(12, 9, 15), recurrence.NextOccurrence(At(9, 9, 15)));
    }

    [Fact]
    public void ATimeThatDaylightSavingSkips_FiresAtTheFirstValidMinuteAfterIt()
    {
        var recurrence = ScheduleRecurrence.Parse("daily", "01:30", "Europe/London");

        // London's clocks go from 01:00 GMT to 02:00 BST on 29 March 2026: 01:30 does not exist that day.
        var next = recurrence.NextOccurrence(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 1, 30, 0, TimeSpan.Zero), recurrence.NextOccurrence(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero), recurrence.NextOccurrence(next).ToUniversalTime());
    }

    [Fact]
    public void Due_CountsTheOccurrencesInTheWindow_AndGivesTheLatest()
    {
        var recurrence = ScheduleRecurrence.Parse("weekdays", "18:00", null);

        // From Monday 09:00 to Thursday 20:00: Monday, Tuesday, Wednesday and Thursday.
        Assert.Equal((4, At(8, 18)), recurrence.Due(At(5, 9), At(8, 20)));
        Assert.Equal((0, (DateTimeOffset?)null), recurrence.Due(At(10, 9), At(11, 23)));
    }

    [Theory]
    [InlineData("fortnightly", "18:00", null, "every")]
    [InlineData("mon,funday", "18:00", null, "every")]
    [InlineData("weekdays", "6pm", null, "at")]
    [InlineData("weekdays", "25:00", null, "at")]
    [InlineData("weekdays", "18:00", "Mars/Olympus", "time_zone")]
    public void BadFields_AreNamed(string every, string at, string? zone, string field)
    {
        var error = Assert.Throws<ScheduleFieldException>(() => ScheduleRecurrence.Parse(every, at, zone));

        Assert.Equal(field, error.Field);
    }
}
