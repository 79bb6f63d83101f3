namespace ClaudBot.MarketData.Update;

/// <summary>The days a symbol lacks between what is stored and what is asked: before its first day (from <c>--from</c>), after its last (to <c>--to</c>).</summary>
internal static class MissingDays
{
    /// <param name="first">The symbol's first stored day; null when it has no data.</param>
    /// <param name="last">Its last stored day; null when it has no data.</param>
    /// <returns>Up to two ranges, oldest first; empty when nothing is missing. Null when the symbol has no data and no <paramref name="from"/> says where to start.</returns>
    public static IReadOnlyList<(DateOnly From, DateOnly To)>? Of(DateOnly? first, DateOnly? last, DateOnly? from, DateOnly to)
    {
        if (first is not { } start || last is not { } end)
        {
            return from is { } begin ? (begin <= to ? [(begin, to)] : []) : null;
        }

        var ranges = new List<(DateOnly, DateOnly)>(2);
        if (from is { } earlier && earlier < start)
        {
            ranges.Add((earlier, Min(start.AddDays(-1), to)));
        }

        if (end < to)
        {
            ranges.Add((end.AddDays(1), to));
        }

        return ranges;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
