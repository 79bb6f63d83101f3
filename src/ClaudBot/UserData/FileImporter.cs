using System.Globalization;
using ClaudBot.Engine.Text;
using ClaudBot.MarketData.Actions;
using ClaudBot.MarketData;
using ClaudBot.MarketData.Import;

namespace ClaudBot.UserData;

/// <summary>
/// Imports files one at a time into the user's store: reads each (<see cref="BarFileReader"/>), merges each symbol
/// (<see cref="UserBarStore"/>). A file that fails is reported and the others go on; a conflict leaves that symbol's file
/// as it was (the store writes nothing until a merge succeeds). Splits in a file's split column go to the store's
/// <c>actions.csv</c>, so loads adjust for them, unless the stored prices show they are adjusted already.
/// </summary>
internal sealed class FileImporter(UserBarStore store, IMarketData existing, ImportFormat format, string? symbol, bool replace)
{
    public void Import(string path, ImportReport report)
    {
        string shown = UserText.Excerpt(path, 200);
        if (!File.Exists(path))
        {
            report.Failed(Directory.Exists(path) ? $"{shown} is a folder; name the files in it" : $"{shown}: no such file");
            return;
        }

        IReadOnlyList<ImportedSeries> read;
        try
        {
            read = BarFileReader.Read(path, format, symbol);
        }
        catch (Exception error) when (error is MarketDataException or IOException or UnauthorizedAccessException)
        {
            report.Failed(UserText.Clean(error.Message));
            return;
        }

        string fileSource = "import:" + Path.GetFileName(path);
        foreach (var series in read)
        {
            report.Skipped(series.Skipped);
            try
            {
                var labelled = series.Source == "import" ? series with { Source = fileSource } : series;
                report.Merged(store.Merge(labelled, existing, replace));
                RecordSplits(series, report);
            }
            catch (Exception error) when (error is MarketDataException or IOException or UnauthorizedAccessException)
            {
                report.Failed($"{shown}: {UserText.Clean(error.Message)}");
            }
        }
    }

    private void RecordSplits(ImportedSeries series, ImportReport report)
    {
        if (series.Splits.Count == 0 || store.ReadStored(series.Symbol) is not { } stored)
        {
            return;
        }

        var raw = new List<SplitEvent>();
        foreach (var split in series.Splits)
        {
            if (SplitEvidence.Of(stored, split) == SplitEvidence.Finding.Adjusted)
            {
                report.Note(string.Create(CultureInfo.InvariantCulture,
                    $"{split.Symbol} {split.Date:yyyy-MM-dd}: the prices are already adjusted for the split of ratio {split.Ratio:R} (no jump across it); not recorded in {ActionsFile.FileName}"));
            }
            else
            {
                raw.Add(split);
            }
        }

        report.SplitsRecorded(ActionsFile.Append(store.Directory, raw));
    }
}
