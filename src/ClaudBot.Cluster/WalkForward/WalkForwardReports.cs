using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Engine;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Data;
using ClaudBot.MarketData;

namespace ClaudBot.Cluster.WalkForward;

/// <summary>
/// A finished walk-forward job's report, <c>results/job_&lt;id&gt;.walkforward.json</c> beside its results: made from
/// the job's rows (the in-sample result of every parameter set in every window, read once, front to back) and the
/// node's bars (the out-of-sample segments are run again here: a few backtests per symbol, microseconds each), then
/// kept. The driver makes it as the job finishes; a report missing later (a crash in between) is made when first asked.
/// </summary>
public sealed class WalkForwardReports(IMarketData marketData) : IDisposable
{
    private const int RowsPerRead = 1024;

    // The driver's finisher and the API may ask at once; one makes the file, the other reads it.
    private readonly SemaphoreSlim _making = new(1, 1);

    public void Dispose() => _making.Dispose();

    public static string PathFor(string resultsFile) => Path.ChangeExtension(resultsFile, ".walkforward.json");

    /// <summary>The report's path, made first when it is missing.</summary>
    /// <exception cref="WalkForwardReportException">The job is no walk-forward, has no results yet, or its data changed since.</exception>
    public async Task<string> EnsureAsync(JobStatus job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Spec.WalkForward is null || job.Spec.Windows is null)
        {
            throw new WalkForwardReportException($"Job {job.Id} is not a walk-forward; its results are a ranked table ('results of job {job.Id}').");
        }

        if (job.ResultsFile is not { } results || !File.Exists(RowsFile.PathFor(results)))
        {
            throw new WalkForwardReportException(job.State.IsTerminal()
                ? $"Job {job.Id} has no results to walk forward from (it was cancelled before any ran, or its files were cleaned up)."
                : $"Job {job.Id} is {job.State.ToName()} ({job.Progress:P0}); its walk-forward is ready when it finishes.");
        }

        string path = PathFor(results);
        await _making.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(path))
            {
                var report = await BuildAsync(job, RowsFile.PathFor(results), cancellationToken).ConfigureAwait(false);
                string temporary = path + $".{Environment.ProcessId}.tmp";
                await using (var output = File.Create(temporary))
                {
                    await JsonSerializer.SerializeAsync(output, report, WalkForwardJson.Default.WalkForwardReport, cancellationToken).ConfigureAwait(false);
                }

                File.Move(temporary, path, overwrite: true);
            }
        }
        finally
        {
            _making.Release();
        }

        return path;
    }

    public static async Task<WalkForwardReport> ReadAsync(Stream input, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(input, WalkForwardJson.Default.WalkForwardReport, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidDataException("the walk-forward report is empty");

    private async Task<WalkForwardReport> BuildAsync(JobStatus job, string rowsPath, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        var settings = spec.WalkForward!;
        var windows = spec.Windows!;
        var objective = RankedMetric.Find(settings.Objective) ?? throw new WalkForwardReportException($"Job {job.Id} picks by '{settings.Objective}', which this node does not rank by.");
        await using var rows = new FileStream(rowsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var (count, sets) = await RowsFile.ReadHeaderAsync(rows, cancellationToken).ConfigureAwait(false);
        if (count != (long)sets.Length * windows.Count * spec.Symbols.Count)
        {
            throw new WalkForwardReportException($"Job {job.Id}'s rows ({count}) are not its {sets.Length} parameter sets x {windows.Count} windows x {spec.Symbols.Count} symbols.");
        }

        var grid = sets.Select(set => Parse(job, set.Text)).ToArray();
        var analysis = new WalkForwardAnalysis(new Backtester());
        var symbols = new List<SymbolWalkForward>(spec.Symbols.Count);
        byte[] buffer = new byte[RowsPerRead * StoredRow.Size];
        foreach (string symbol in spec.Symbols)
        {
            var picks = new List<WindowPick>(windows.Count);
            foreach (var _ in windows)
            {
                var picker = new WalkForwardPicker(objective, settings.MinTrades);
                for (int first = 0; first < grid.Length; first += RowsPerRead)
                {
                    int n = Math.Min(RowsPerRead, grid.Length - first);
                    await RowsFile.ReadExactlyAsync(rows, buffer.AsMemory(0, n * StoredRow.Size), "its rows", cancellationToken).ConfigureAwait(false);
                    for (int i = 0; i < n; i++)
                    {
                        picker.Offer(first + i, StoredRow.Read(buffer.AsSpan(i * StoredRow.Size, StoredRow.Size)));
                    }
                }

                picks.Add(new WindowPick(picker.Pick, picker.InSample, picker.NoPickReason()));
            }

            var bars = await BarsAsync(job, symbol, cancellationToken).ConfigureAwait(false);
            symbols.Add(analysis.Analyse(bars, windows, grid, picks, spec.Settings()));
        }

        return new WalkForwardReport(job.Id, spec.Strategies, settings, windows, symbols)
        {
            MedianEfficiency = Median.Of([.. symbols.Where(s => s.Efficiency is not null).Select(s => s.Efficiency!.Value)]),
        };
    }

    // A parameter set the workers could not parse never ran, so no window could pick it, but the report needs every one.
    private static Engine.Strategies.StrategyParameters Parse(JobStatus job, string text)
    {
        try
        {
            return StrategyParser.Parse(text).Parameters[0];
        }
        catch (Engine.Strategies.StrategySpecException refused)
        {
            throw new WalkForwardReportException($"Job {job.Id}'s parameter set '{text}' does not parse on this node ({refused.Message}).", refused);
        }
    }

    // The bars the job's workers read, or a clear refusal: a report from other bars would quietly disagree with its picks.
    private async Task<BarSeries> BarsAsync(JobStatus job, string symbol, CancellationToken cancellationToken)
    {
        var bars = (await marketData.LoadAsync(symbol, cancellationToken: cancellationToken).ConfigureAwait(false)).Bars;
        if (job.Spec.DataFingerprints?.GetValueOrDefault(symbol) is { } planned && DataFingerprint.OfBarsRead(bars, job.Spec.From, job.Spec.To) is var now && now != planned)
        {
            throw new WalkForwardReportException($"{symbol}'s data changed since job {job.Id} ran ({planned}, now {now}): run the walk-forward again.");
        }

        return bars;
    }
}
