using System.Globalization;
using ClaudBot.Engine;

namespace ClaudBot.Output;

/// <summary>
/// The notes of single results (entries skipped because the size bought zero whole shares), each named by its row, for
/// under the table. A grid can make thousands: the first few are said and the rest counted.
/// </summary>
internal static class ResultNotes
{
    public const int Shown = 5;

    public static IReadOnlyList<string> Lines(IEnumerable<BacktestResult> results)
    {
        var noted = results.Where(r => r.Notes.Count > 0).ToList();
        var lines = noted.Take(Shown).SelectMany(r => r.Notes.Select(note => $"{r.Strategy.ToShortString()} on {r.Symbol}: {note}")).ToList();
        if (noted.Count > Shown)
        {
            int more = noted.Count - Shown;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{more} more {(more == 1 ? "result has" : "results have")} notes: --json gives each result's metrics.skipped_entries."));
        }

        return lines;
    }
}
