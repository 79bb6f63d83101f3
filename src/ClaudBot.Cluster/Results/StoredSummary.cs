using System.Text.Json;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// A finished job's summary kept beside its results file (<c>job_&lt;id&gt;.summary.json</c>): ranked once, by the
/// driver, when the job finishes, with the one ranking rule (<see cref="ResultRanking"/>). Asking for a summary
/// then costs a small file read however large the results file is; only a request for more rows than were kept
/// reads the results file again.
/// </summary>
public static class StoredSummary
{
    /// <summary>Rows of the ranked table kept: more than any chat or page shows (the dashboard's default is 20).</summary>
    public const int KeptRows = 100;

    /// <summary>The summary file of a results file.</summary>
    public static string PathFor(string resultsFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(resultsFile);
        return Path.ChangeExtension(resultsFile, ".summary.json");
    }

    /// <summary>Ranks <paramref name="resultsFile"/> and stores its summary beside it (written whole, then renamed into place).</summary>
    public static async Task<ResultsSummary> WriteAsync(string resultsFile, CancellationToken cancellationToken)
    {
        var summary = await RankAsync(resultsFile, KeptRows, cancellationToken).ConfigureAwait(false);
        await SaveAsync(resultsFile, summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Stores <paramref name="summary"/> as the summary of <paramref name="resultsFile"/>.</summary>
    internal static async Task SaveAsync(string resultsFile, ResultsSummary summary, CancellationToken cancellationToken)
    {
        string path = PathFor(resultsFile);
        string partial = path + ".partial";
        await using (var stream = PrivateFiles.Open(partial, FileMode.Create))
        {
            await JsonSerializer.SerializeAsync(stream, summary, SummaryJson.Default.ResultsSummary, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Ranks every result of a job: from its rows file where it has one (read once, front to back), else its JSON results file.</summary>
    private static async Task<ResultsSummary> RankAsync(string resultsFile, int top, CancellationToken cancellationToken)
    {
        if (!File.Exists(Store.RowsFile.PathFor(resultsFile)))
        {
            return await ResultsFileReader.ReadSummaryAsync(resultsFile, top, cancellationToken).ConfigureAwait(false);
        }

        await using var export = Store.ResultsExport.Open(resultsFile, cancellationToken);
        return await ResultsFileReader.ReadSummaryAsync(export, top, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The summary with the best <paramref name="top"/> rows: from the stored file when it holds enough rows,
    /// else ranked from the results file (and stored, for a job finished before summaries were kept).
    /// </summary>
    public static async Task<ResultsSummary> ReadAsync(string resultsFile, int top, CancellationToken cancellationToken)
    {
        string path = PathFor(resultsFile);
        ResultsSummary? stored = null;
        if (File.Exists(path))
        {
            await using var stream = File.OpenRead(path);
            try
            {
                stored = await JsonSerializer.DeserializeAsync(stream, SummaryJson.Default.ResultsSummary, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // A torn or foreign file: rank again below and replace it.
            }
        }

        if (stored is null && top <= KeptRows)
        {
            stored = await WriteAsync(resultsFile, cancellationToken).ConfigureAwait(false);
        }

        // Fewer rows kept than asked while more exist: only the results file has them.
        if (stored is null || (top > stored.Top.Count && stored.Top.Count == KeptRows))
        {
            return await RankAsync(resultsFile, top, cancellationToken).ConfigureAwait(false);
        }

        return stored with { Top = [.. stored.Top.Take(top)] };
    }
}
