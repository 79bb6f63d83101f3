using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// Merges imported bars into stored ones by date (both oldest first): a new date is added, an equal row counted once, a
/// different row either replaces the stored one or is reported as a conflict. Equal means every field the same double:
/// the canonical file round-trips, so a re-import of the same numbers always matches.
/// </summary>
internal sealed class BarMerge
{
    private readonly List<int> _days = [];
    private readonly List<double> _open = [];
    private readonly List<double> _high = [];
    private readonly List<double> _low = [];
    private readonly List<double> _close = [];
    private readonly List<double> _volume = [];

    private BarMerge()
    {
    }

    public int Added { get; private set; }

    public int Identical { get; private set; }

    public int Replaced { get; private set; }

    /// <summary>Dates whose rows differ, as (stored index, imported index), oldest first.</summary>
    public List<(int Stored, int Imported)> Conflicts { get; } = [];

    public BarSeries? Result { get; private set; }

    public static BarMerge Run(BarSeries? stored, BarSeries imported, bool replace)
    {
        var merge = new BarMerge();
        int s = 0;
        int i = 0;
        int storedCount = stored?.Count ?? 0;
        while (s < storedCount || i < imported.Count)
        {
            if (i == imported.Count || (s < storedCount && stored!.Days[s] < imported.Days[i]))
            {
                merge.Append(stored!, s++);
            }
            else if (s == storedCount || imported.Days[i] < stored!.Days[s])
            {
                merge.Added++;
                merge.Append(imported, i++);
            }
            else
            {
                merge.Overlap(stored, s++, imported, i++, replace);
            }
        }

        merge.Result = merge.Conflicts.Count > 0 && !replace ? null : merge.Build(imported.Symbol);
        return merge;
    }

    public static bool SameRow(BarSeries a, int ai, BarSeries b, int bi) =>
        a.Open[ai] == b.Open[bi] && a.High[ai] == b.High[bi] && a.Low[ai] == b.Low[bi] && a.Close[ai] == b.Close[bi] && a.Volume[ai] == b.Volume[bi];

    private void Overlap(BarSeries stored, int s, BarSeries imported, int i, bool replace)
    {
        if (SameRow(stored, s, imported, i))
        {
            Identical++;
            Append(stored, s);
            return;
        }

        Conflicts.Add((s, i));
        if (replace)
        {
            Replaced++;
            Append(imported, i);
        }
        else
        {
            Append(stored, s);
        }
    }

    private void Append(BarSeries bars, int index)
    {
        _days.Add(bars.Days[index]);
        _open.Add(bars.Open[index]);
        _high.Add(bars.High[index]);
        _low.Add(bars.Low[index]);
        _close.Add(bars.Close[index]);
        _volume.Add(bars.Volume[index]);
    }

    private BarSeries Build(string symbol) =>
        new(symbol, [.. _days], [.. _open], [.. _high], [.. _low], [.. _close], [.. _volume]);
}
