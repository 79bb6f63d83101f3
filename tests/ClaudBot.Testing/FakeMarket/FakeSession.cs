namespace ClaudBot.Testing.FakeMarket;

/// <summary>A trading session: its day, when it opened in India, and whether it was a short special one (Muhurat trading).</summary>
public sealed record FakeSession(DateOnly Day, TimeOnly Opens, bool Special = false)
{
    /// <summary>The regular session's start, which Yahoo's daily timestamps carry.</summary>
    public static readonly TimeOnly RegularOpen = new(9, 15);

    /// <summary>Diwali's Muhurat session starts in the evening.</summary>
    public static readonly TimeOnly MuhuratOpen = new(18, 15);

    public static readonly TimeSpan IndiaOffset = TimeSpan.FromHours(5.5);

    /// <summary>The session's start as Yahoo stamps it: unix seconds.</summary>
    public long UnixStart => new DateTimeOffset(Day.ToDateTime(Opens), IndiaOffset).ToUnixTimeSeconds();
}
