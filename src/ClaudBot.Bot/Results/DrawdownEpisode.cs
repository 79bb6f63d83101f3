namespace ClaudBot.Bot.Results;

/// <summary>
/// One fall of equity from a high to its lowest point before the next high: the day of the high, the low and its day,
/// how deep (a fraction below the high, negative), and the day equity first stood at the high again (null: never, by the end).
/// </summary>
public sealed record DrawdownEpisode(DateOnly Peak, DateOnly Trough, double Depth, DateOnly? Recovered)
{
    /// <summary>Whether any day of the fall, from the high to the recovery (or the end), lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Overlaps(DateOnly from, DateOnly to, DateOnly end) => Peak <= to && (Recovered ?? end) >= from;
}
