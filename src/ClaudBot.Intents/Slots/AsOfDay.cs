namespace ClaudBot.Intents.Slots;

/// <summary>
/// The day periods relative to today end on: today, or the data's last day when the data stops earlier.
/// A backtest cannot see past its data, so "ytd" with data ending 2026-01-23 is 2026's year to date as far as
/// the data goes, not 2026-01-01 to a today the data never reaches (which, clipped, would run a few weeks and
/// annualise them without a word).
/// </summary>
/// <param name="Today">The calendar day, from the injected clock or pinned by the caller.</param>
/// <param name="DataEnd">The data's newest day (<c>IMarketData.LastDay</c>), or null when unknown.</param>
public readonly record struct AsOfDay(DateOnly Today, DateOnly? DataEnd)
{
    /// <summary>The earlier of <see cref="Today"/> and <see cref="DataEnd"/>.</summary>
    public DateOnly Day => IsDataEnd ? DataEnd!.Value : Today;

    /// <summary>True when the data ends before today, so relative periods are moved back to its last day.</summary>
    public bool IsDataEnd => DataEnd is { } end && end < Today;
}
