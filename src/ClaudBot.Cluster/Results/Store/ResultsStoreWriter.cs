using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// Puts a finished job's results in place: <see cref="FinishAsync"/>, after the driver has filed every chunk
/// (<see cref="Driver.ResultsFiling"/>, which uses <see cref="FileChunkAsync"/>), or <see cref="WriteAsync"/>, which does
/// both in one pass over chunks at hand (tests and benchmarks, no queue). The files: <c>job_&lt;id&gt;.rows</c> (every result, 192
/// bytes each, see <see cref="RowsFile"/>), <c>job_&lt;id&gt;.json</c> (spec, notes, counts, timings, best per symbol,
/// and under <c>store</c> the names the rows refer to) and the ranked summary (<see cref="StoredSummary"/>), each
/// written whole and renamed into place, rows first. The summary is ranked as the rows go by, so a job of any size is
/// neither held in memory nor read back. The full JSON of every result is made from these on demand
/// (<see cref="ResultsExport"/>).
/// </summary>
internal static class ResultsStoreWriter
{
    /// <summary>The rows format's name in <c>store.format</c>.</summary>
    public const string Format = "claudbot-rows/1";

    /// <returns>The results file (<c>job_&lt;id&gt;.json</c>) and the summary stored beside it.</returns>
    /// <exception cref="IOException">The chunks did not hold one row per task (nothing is put in place).</exception>
    public static async Task<(string Path, ResultsSummary Summary)> WriteAsync(
        string directory,
        JobStatus job,
        JobState state,
        DateTimeOffset finishedAt,
        IReadOnlyList<ParameterSet> parameterSets,
        IAsyncEnumerable<ReadOnlyMemory<byte>> chunkResults,
        IReadOnlyList<string> chunkSummaries,
        CancellationToken cancellationToken)
    {
        PrivateFiles.CreateDirectory(directory);
        string temporary = RowsFile.PathFor(ResultsPath(directory, job.Id)) + $".{Environment.ProcessId}.tmp";
        var fold = NewFold(job, parameterSets);
        var partial = await PartialRows.CreateAsync(temporary, job.TasksTotal, parameterSets, cancellationToken).ConfigureAwait(false);
        try
        {
            long task = 0;
            int chunk = 0;
            await foreach (var stored in chunkResults.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var rows = Readable(stored, chunkSummaries[chunk++], task);
                await FileChunkAsync(partial, fold, rows, error => ValueTask.FromResult(fold.ErrorNumber(error)), cancellationToken).ConfigureAwait(false);
                task = rows.FirstTask + rows.Count;
            }

            return await FinishAsync(directory, job, state, finishedAt, chunkSummaries, fold, partial, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A disk that filled mid-write, or chunks that do not make the job: nothing is left behind.
            partial.Dispose();
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary><c>results/job_&lt;id&gt;.json</c>.</summary>
    public static string ResultsPath(string directory, string jobId) => Path.Combine(directory, $"job_{jobId}.json");

    /// <summary>The fold of a job's rows, ranking for the stored summary.</summary>
    public static StoreFold NewFold(JobStatus job, IReadOnlyList<ParameterSet> parameterSets)
    {
        var lanes = job.Spec.LaneSymbols();
        if ((long)parameterSets.Count * lanes.Count != job.TasksTotal)
        {
            throw new IOException($"Job {job.Id} has {job.TasksTotal} tasks, not its {parameterSets.Count} parameter sets times {lanes.Count} lanes; its results are kept in the queue.");
        }

        return new StoreFold(StoredSummary.KeptRows, parameterSets, lanes);
    }

    /// <summary>
    /// A chunk's stored bytes as rows; a chunk an older worker stored as JSON counts as failed, saying so (its tasks, from
    /// its summary, start at <paramref name="firstTask"/>).
    /// </summary>
    public static ChunkRows Readable(ReadOnlyMemory<byte> stored, string summary, long firstTask)
    {
        if (ChunkRows.IsChunkRows(stored.Span))
        {
            return ChunkRows.Read(stored);
        }

        int tasks = JsonDocument.Parse(summary).RootElement.TryGetProperty("tasks", out var count) ? count.GetInt32() : 0;
        var failed = new ChunkRows.Builder(firstTask, tasks, marketIndex: null);
        for (int i = 0; i < tasks; i++)
        {
            failed.AddFailure("this chunk was run by a worker of an older version, whose results this node cannot read; submit the job again");
        }

        return ChunkRows.Read(failed.ToArray());
    }

    /// <summary>
    /// Writes a chunk's rows at their tasks' place, each failed row's error numbered job-wide by
    /// <paramref name="errorNumber"/>, and folds them into the ranking.
    /// </summary>
    public static async Task FileChunkAsync(PartialRows partial, StoreFold fold, ChunkRows rows, Func<string, ValueTask<int>> errorNumber, CancellationToken cancellationToken)
    {
        fold.NoteMarketIndex(rows.MarketIndex);
        if (rows.FirstTask + rows.Count > fold.Tasks)
        {
            throw new IOException($"A chunk's rows run to task {rows.FirstTask + rows.Count}, past the job's {fold.Tasks} tasks; its results are kept in the queue.");
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, rows.Count * StoredRow.Size));
        try
        {
            for (int i = 0; i < rows.Count; i++)
            {
                var row = rows.Row(i);
                if (row.Failed)
                {
                    int local = row.TradesOrError;
                    row.TradesOrError = await errorNumber(local >= 0 && local < rows.Errors.Count ? rows.Errors[local] : "unknown error").ConfigureAwait(false);
                }

                fold.Add(rows.FirstTask + i, row);
                row.WriteTo(buffer.AsSpan(i * StoredRow.Size, StoredRow.Size));
            }

            await partial.WriteAsync(rows.FirstTask, buffer.AsMemory(0, rows.Count * StoredRow.Size), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Puts a job whose every task is filed in place: the rows file (renamed from <paramref name="partial"/>), the JSON file
    /// and the ranked summary, each whole and on disk before the next.
    /// </summary>
    /// <exception cref="IOException">Some task has no row yet.</exception>
    public static async Task<(string Path, ResultsSummary Summary)> FinishAsync(
        string directory, JobStatus job, JobState state, DateTimeOffset finishedAt, IReadOnlyList<string> chunkSummaries, StoreFold fold, PartialRows partial, CancellationToken cancellationToken)
    {
        if (fold.Folded != job.TasksTotal)
        {
            throw new IOException($"Job {job.Id}'s chunks hold {fold.Folded} results, not {job.TasksTotal}; its results are kept in the queue.");
        }

        string path = ResultsPath(directory, job.Id);
        partial.Complete(RowsFile.PathFor(path));
        await WriteWholeAsync(path, stream => WriteHeadAsync(stream, job, state, finishedAt, chunkSummaries, fold, cancellationToken), cancellationToken).ConfigureAwait(false);
        var header = new ResultsSummary(job.Id, state.ToName(), job.Spec, job.Notes, job.TasksTotal, job.TasksDone, job.TasksFailed, Timings(job, finishedAt), [], [], [], 0);
        var summary = fold.Summary(header);
        await StoredSummary.SaveAsync(path, summary, cancellationToken).ConfigureAwait(false);
        return (path, summary);
    }

    private static async Task WriteWholeAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        string temporary = path + $".{Environment.ProcessId}.tmp";
        try
        {
            await using (var file = PrivateFiles.Open(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await write(file).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);

                // On disk before the rename: the queue server drops its copy of the results once these files are in place.
                file.Flush(flushToDisk: true);
            }
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static async Task WriteHeadAsync(Stream file, JobStatus job, JobState state, DateTimeOffset finishedAt, IReadOnlyList<string> chunkSummaries, StoreFold fold, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", job.Id);
            writer.WriteString("state", state.ToName());
            writer.WritePropertyName("spec");
            JsonSerializer.Serialize(writer, job.Spec, ClusterJson.Default.JobSpec);
            writer.WriteStartArray("notes");
            foreach (string note in job.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteNumber("tasks_total", job.TasksTotal);
            writer.WriteNumber("tasks_done", job.TasksDone);
            writer.WriteNumber("tasks_failed", job.TasksFailed);
            WriteTimings(writer, job, finishedAt);
            ChunkBest.WriteSummary(writer, chunkSummaries);
            WriteStore(writer, job, fold);
            writer.WriteEndObject();
        }

        await file.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteStore(Utf8JsonWriter writer, JobStatus job, StoreFold fold)
    {
        writer.WriteStartObject("store");
        writer.WriteString("format", Format);
        writer.WriteString("file", $"job_{job.Id}.rows");
        writer.WriteNumber("rows", job.TasksTotal);
        writer.WriteNumber("row_bytes", StoredRow.Size);
        // One per lane: a walk-forward names each symbol once per window (task N is on lane N / parameter sets).
        writer.WriteStartArray("symbols");
        foreach (string symbol in job.Spec.LaneSymbols())
        {
            writer.WriteStringValue(symbol);
        }

        writer.WriteEndArray();
        writer.WriteString("market_index", fold.MarketIndex);
        writer.WriteStartArray("errors");
        foreach (string error in fold.Errors)
        {
            writer.WriteStringValue(error);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static ResultsTimings Timings(JobStatus job, DateTimeOffset finishedAt)
    {
        var submitted = job.Spec.SubmittedAt;
        var started = job.StartedAt ?? submitted;
        return new ResultsTimings(
            Math.Round((started - submitted).TotalSeconds, 3), Math.Round((finishedAt - started).TotalSeconds, 3), Math.Round((finishedAt - submitted).TotalSeconds, 3));
    }

    private static void WriteTimings(Utf8JsonWriter writer, JobStatus job, DateTimeOffset finishedAt)
    {
        var submitted = job.Spec.SubmittedAt;
        var started = job.StartedAt ?? submitted;
        var timings = Timings(job, finishedAt);
        writer.WriteStartObject("timings");
        writer.WriteString("submitted_at", submitted.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("started_at", started.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("finished_at", finishedAt.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteNumber("queued_seconds", timings.QueuedSeconds);
        writer.WriteNumber("run_seconds", timings.RunSeconds);
        writer.WriteNumber("total_seconds", timings.TotalSeconds);
        writer.WriteEndObject();
    }
}
