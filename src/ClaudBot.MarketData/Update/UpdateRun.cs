using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Actions;
using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Update;

/// <summary>One run's shared state: the client, the store and its journal, the progress, and the tallies per symbol.</summary>
internal sealed class UpdateRun(PoliteClient client, UserBarStore store, UpdateJournal journal, IMarketData data, IProgress<UpdateProgress>? progress)
{
    private readonly Dictionary<string, SymbolUpdate> _updates = new(StringComparer.Ordinal);

    public PoliteClient Client => client;

    public UpdateJournal Journal => journal;

    public int EmptyDays { get; set; }

    public int SplitsRecorded { get; private set; }

    /// <summary>Whether anything was written to the store yet (an offline line may only say "nothing was changed" when not).</summary>
    public bool Changed { get; private set; }

    public void Progress(int done, int total, string current) => progress?.Report(new UpdateProgress(done, total, current));

    /// <summary>Merges fetched bars (oldest first, one per day) into the symbol's file, and tallies them.</summary>
    public void Store(string symbol, IReadOnlyList<DayBar> bars, string source)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var series = new BarSeries(
            symbol,
            [.. bars.Select(b => b.Day.DayNumber)],
            [.. bars.Select(b => b.Open)],
            [.. bars.Select(b => b.High)],
            [.. bars.Select(b => b.Low)],
            [.. bars.Select(b => b.Close)],
            [.. bars.Select(b => b.Volume)]);
        var outcome = store.Merge(new ImportedSeries(series, []) { Source = source }, data, replace: false);
        Changed |= outcome.Added > 0;
        var before = _updates.GetValueOrDefault(symbol) ?? new SymbolUpdate(symbol, 0, null, null);
        _updates[symbol] = before with
        {
            Added = before.Added + outcome.Added,
            First = Earliest(before.First, bars[0].Day),
            Last = Latest(before.Last, bars[^1].Day),
        };
    }

    public void RecordSplits(IEnumerable<SplitEvent> splits)
    {
        int added = ActionsFile.Append(store.Directory, splits);
        SplitsRecorded += added;
        Changed |= added > 0;
    }

    public void Fail(string symbol, string problem) =>
        _updates[symbol] = (_updates.GetValueOrDefault(symbol) ?? new SymbolUpdate(symbol, 0, null, null)) with { Problem = problem };

    /// <summary>Each target's outcome, in the targets' order.</summary>
    public IReadOnlyList<SymbolUpdate> Outcomes(IEnumerable<UpdateTarget> targets) =>
        [.. targets.Select(t => _updates.GetValueOrDefault(t.Symbol) ?? new SymbolUpdate(t.Symbol, 0, null, null, t.Problem))];

    private static DateOnly Earliest(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    private static DateOnly Latest(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
