using System.Globalization;

namespace ClaudBot.MarketData.Update;

/// <summary>The first line of an update's report, the same in a terminal and a chat.</summary>
public static class UpdateSummary
{
    /// <summary>The one line a chat or a terminal shows first: source, last day, symbols, rows, and what else happened.</summary>
    public static string Of(UpdateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        int updated = report.Symbols.Count(s => s.Added > 0);
        // A run that stopped early never asked about some symbols: they are not known to be up to date.
        int current = report.Stopped is null ? report.Symbols.Count(s => s.Added == 0 && s.Problem is null) : 0;
        string source = report.Source == UpdateSource.Nse ? "NSE" : "Yahoo";
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Updated {updated} of {report.Symbols.Count} {Plural(report.Symbols.Count, "symbol")} from {source} to {report.To:yyyy-MM-dd}: {report.Added:N0} {Plural(report.Added, "row")} added"),
        };
        if (current > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{current} already up to date"));
        }

        if (report.EmptyDays > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{report.EmptyDays} {Plural(report.EmptyDays, "day")} without a session"));
        }

        if (report.SplitsRecorded > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{report.SplitsRecorded} {Plural(report.SplitsRecorded, "split")} recorded in actions.csv"));
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{report.Requests} {Plural(report.Requests, "request")}")
            + (report.Retries > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({report.Retries} retried)") : string.Empty));
        return string.Join("; ", parts) + ".";
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
