namespace ClaudBot.Testing.FakeMarket;

/// <summary>
/// NSE's sessions over a span: every weekday but the holidays, plus the special sessions (a Muhurat Sunday). Days
/// outside it have no session.
/// </summary>
public sealed class FakeCalendar
{
    public FakeCalendar(DateOnly first, DateOnly last, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> specials)
    {
        Holidays = [.. holidays.Order()];
        var special = specials.ToHashSet();
        var sessions = new List<FakeSession>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (special.Contains(day))
            {
                sessions.Add(new FakeSession(day, FakeSession.MuhuratOpen, Special: true));
            }
            else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day))
            {
                sessions.Add(new FakeSession(day, FakeSession.RegularOpen));
            }
        }

        Sessions = sessions;
    }

    /// <summary>Weekdays without a session.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    public IReadOnlyList<FakeSession> Sessions { get; }

    /// <summary>November 2023: Diwali's Muhurat session on Sunday the 12th, the holiday on Tuesday the 14th (old bhavcopies).</summary>
    public static FakeCalendar Diwali2023() =>
        new(new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 24), [new DateOnly(2023, 11, 14)], [new DateOnly(2023, 11, 12)]);

    /// <summary>July 2024 across NSE's switch to UDiFF on the 8th, with Muharram's holiday on Wednesday the 17th.</summary>
    public static FakeCalendar Udiff2024() =>
        new(new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 19), [new DateOnly(2024, 7, 17)], []);

    public FakeSession? SessionOn(DateOnly day) => Sessions.FirstOrDefault(s => s.Day == day);

    public IEnumerable<FakeSession> Between(DateOnly from, DateOnly to) => Sessions.Where(s => s.Day >= from && s.Day <= to);
}
