using System.Globalization;
using ClaudBot.MarketData.Import;
using Spectre.Console;

namespace ClaudBot.UserData;

/// <summary>
/// What <c>claudbot data import</c> did, gathered while it runs and printed at the end: per symbol the rows added,
/// identical and replaced and the dates imported; rows skipped and why (the first few, then a count); files that failed.
/// </summary>
internal sealed class ImportReport
{
    /// <summary>Skipped rows shown one by one before the rest are only counted.</summary>
    public const int SkippedShown = 5;

    private readonly List<MergeOutcome> _merged = [];
    private readonly List<SkippedRow> _skipped = [];
    private readonly List<string> _failures = [];
    private readonly List<string> _notes = [];
    private int _splitsRecorded;

    public int FileCount { get; set; }

    public bool HasFailures => _failures.Count > 0;

    public void Merged(MergeOutcome outcome) => _merged.Add(outcome);

    public void Skipped(IEnumerable<SkippedRow> rows) => _skipped.AddRange(rows);

    /// <param name="count">Splits from files' split columns newly written to the store's actions.csv.</param>
    public void SplitsRecorded(int count) => _splitsRecorded += count;

    /// <param name="message">One line the user should read, though nothing failed.</param>
    public void Note(string message) => _notes.Add(message);

    /// <param name="message">One line: the file and what is wrong with it.</param>
    public void Failed(string message) => _failures.Add(message);

    public void Write(CliConsoles consoles)
    {
        int files = FileCount - _failures.Count;
        var symbols = _merged.Select(m => m.Symbol).Distinct(StringComparer.Ordinal).Count();
        int added = _merged.Sum(m => m.Added);
        consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {files} of {FileCount} {(FileCount == 1 ? "file" : "files")}: {symbols} {(symbols == 1 ? "symbol" : "symbols")}, {added:N0} {(added == 1 ? "row" : "rows")} added, {_merged.Sum(m => m.Identical):N0} identical, {_merged.Sum(m => m.Replaced):N0} replaced."));
        foreach (var outcome in _merged.OrderBy(m => m.Symbol, StringComparer.Ordinal).ThenBy(m => m.First))
        {
            consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {outcome.Symbol}: {outcome.Added:N0} added, {outcome.Identical:N0} identical, {outcome.Replaced:N0} replaced; {Range(outcome)}"));
        }

        if (_splitsRecorded > 0)
        {
            consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Recorded {_splitsRecorded} {(_splitsRecorded == 1 ? "split" : "splits")} in actions.csv: prices before {(_splitsRecorded == 1 ? "it are" : "each are")} adjusted when loaded."));
        }

        WriteSkipped(consoles);
        foreach (string note in _notes)
        {
            consoles.Error.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
        }

        foreach (string failure in _failures)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(failure)}");
        }
    }

    private void WriteSkipped(CliConsoles consoles)
    {
        if (_skipped.Count == 0)
        {
            return;
        }

        consoles.Error.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Note: skipped {_skipped.Count:N0} {(_skipped.Count == 1 ? "row" : "rows")}:")));
        foreach (var row in _skipped.Take(SkippedShown))
        {
            consoles.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.File} line {row.Line}: {row.Reason}"));
        }

        if (_skipped.Count > SkippedShown)
        {
            consoles.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  and {_skipped.Count - SkippedShown:N0} more"));
        }
    }

    private static string Range(MergeOutcome outcome) => outcome.Added + outcome.Identical + outcome.Replaced == 0
        ? "no rows"
        : string.Create(CultureInfo.InvariantCulture, $"{outcome.First:yyyy-MM-dd} to {outcome.Last:yyyy-MM-dd}");
}
