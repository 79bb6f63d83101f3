using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// Writes <c>results/job_&lt;id&gt;.json</c> atomically (a temporary file in the same folder, then a
/// rename): the job spec and notes, timings, a ranked summary (best by Sharpe per symbol), and every
/// task's result in task order. Chunk results are copied as stored, never re-parsed, and stream through one chunk
/// at a time, so a job of any size is written in bounded memory.
/// </summary>
internal static class ResultsFileWriter
{
    public static async Task<string> WriteAsync(
        string directory, JobStatus job, JobState state, DateTimeOffset finishedAt, IAsyncEnumerable<ReadOnlyMemory<byte>> chunkTasks, IReadOnlyList<string> chunkSummaries, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateDirectory(directory);
        string path = Path.Combine(directory, $"job_{job.Id}.json");
        string temporary = path + $".{Environment.ProcessId}.tmp";
        try
        {
            await WriteFileAsync(temporary, job, state, finishedAt, chunkTasks, chunkSummaries, cancellationToken);
        }
        catch
        {
            // A disk that filled mid-write: the partial file would only hold on to the space that is missing.
            File.Delete(temporary);
            throw;
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static async Task WriteFileAsync(
        string temporary, JobStatus job, JobState state, DateTimeOffset finishedAt, IAsyncEnumerable<ReadOnlyMemory<byte>> chunkTasks, IReadOnlyList<string> chunkSummaries, CancellationToken cancellationToken)
    {
        await using (var file = PrivateFiles.Open(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            byte[] head = Head(job, state, finishedAt, chunkSummaries);
            await file.WriteAsync(head.AsMemory(0, head.Length - 1), cancellationToken); // all but the closing brace
            await file.WriteAsync(",\"results\":["u8.ToArray(), cancellationToken);
            bool first = true;
            await foreach (var tasks in chunkTasks.WithCancellation(cancellationToken))
            {
                // Each chunk is a compact JSON array; its elements join the file's one results array.
                var inner = tasks[1..^1];
                if (inner.IsEmpty)
                {
                    continue;
                }

                if (!first)
                {
                    await file.WriteAsync(","u8.ToArray(), cancellationToken);
                }

                await file.WriteAsync(inner, cancellationToken);
                first = false;
            }

            await file.WriteAsync("]}\n"u8.ToArray(), cancellationToken);
            await file.FlushAsync(cancellationToken);

            // On disk before the rename: the queue server drops its copy of the results once this file is in place.
            file.Flush(flushToDisk: true);
        }
    }

    private static byte[] Head(JobStatus job, JobState state, DateTimeOffset finishedAt, IReadOnlyList<string> chunkSummaries)
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
            WriteSummary(writer, chunkSummaries);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteTimings(Utf8JsonWriter writer, JobStatus job, DateTimeOffset finishedAt)
    {
        var submitted = job.Spec.SubmittedAt;
        var started = job.StartedAt ?? submitted;
        writer.WriteStartObject("timings");
        writer.WriteString("submitted_at", submitted.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("started_at", started.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("finished_at", finishedAt.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteNumber("queued_seconds", Math.Round((started - submitted).TotalSeconds, 3));
        writer.WriteNumber("run_seconds", Math.Round((finishedAt - started).TotalSeconds, 3));
        writer.WriteNumber("total_seconds", Math.Round((finishedAt - submitted).TotalSeconds, 3));
        writer.WriteEndObject();
    }

    /// <summary>Best result by Sharpe for each symbol, best first, from the chunks' own summaries.</summary>
    private static void WriteSummary(Utf8JsonWriter writer, IReadOnlyList<string> chunkSummaries)
    {
        var best = new Dictionary<string, (double Sharpe, JsonElement Element)>(StringComparer.Ordinal);
        foreach (string summary in chunkSummaries)
        {
            var root = JsonDocument.Parse(summary).RootElement;
            if (!root.TryGetProperty("best", out var candidate))
            {
                continue;
            }

            string symbol = candidate.GetProperty("symbol").GetString()!;
            // A null Sharpe (NaN, see ResultJsonWriter) ranks below every number.
            var sharpeElement = candidate.GetProperty("metrics").GetProperty("sharpe");
            double sharpe = sharpeElement.ValueKind == JsonValueKind.Null ? double.NaN : sharpeElement.GetDouble();
            if (!best.TryGetValue(symbol, out var current) || sharpe.CompareTo(current.Sharpe) > 0)
            {
                best[symbol] = (sharpe, candidate.Clone());
            }
        }

        writer.WriteStartObject("summary");
        writer.WriteStartArray("best_by_symbol");
        foreach (var (_, element) in best.Values.OrderByDescending(b => b.Sharpe))
        {
            element.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
