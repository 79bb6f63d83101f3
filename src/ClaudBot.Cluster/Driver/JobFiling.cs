using System.Globalization;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Hosting;
using ClaudBot.Redis;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// One job's filing (see <see cref="ResultsFiling"/>): its partial rows file, its ranking so far and its filed chunks.
/// One filing of a job at a time (<see cref="Gate"/>). A failure half-way may leave rows ranked that were never marked
/// filed, so it drops this state, which is rebuilt from the file and the marks next time, never patched.
/// </summary>
internal sealed class JobFiling(RedisConnection redis, WorkQueue queue, string directory, string jobId)
{
    /// <summary>Chunks filed per round trip and flush.</summary>
    private const int ChunksPerRound = 32;

    private PartialRows? _partial;
    private StoreFold? _fold;
    private Dictionary<int, (long First, int Count)> _filed = [];

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Files the chunks the job's list names, marking each filed once its rows are on disk, until the list is empty.</summary>
    public Task FileListedAsync(JobStatus job, CancellationToken cancellationToken) => ResettingOnFailureAsync(async () =>
    {
        await OpenAsync(job, cancellationToken);
        while (true)
        {
            var listed = await redis.Database.ListRangeAsync(ClusterKeys.ToFile(jobId), 0, ChunksPerRound - 1);
            var chunks = listed.Select(v => int.Parse(v.ToString(), CultureInfo.InvariantCulture)).Distinct().ToList();
            if (chunks.Count == 0)
            {
                return true;
            }

            await FileChunksAsync(chunks, mark: true, cancellationToken);
        }
    });

    /// <summary>Files whatever is left, then puts the job's files in place (<see cref="ResultsStoreWriter.FinishAsync"/>).</summary>
    public Task<(string Path, ResultsSummary Summary)> FinishAsync(
        JobStatus job, JobState state, DateTimeOffset finishedAt, IReadOnlyList<string> chunkSummaries, CancellationToken cancellationToken) => ResettingOnFailureAsync(async () =>
    {
        await OpenAsync(job, cancellationToken);

        // Every chunk not filed yet, listed or not (a chunk stored before the list existed is in no list). Not marked
        // one by one: the files are flushed as they are put in place, and the finish then drops every key at once.
        await FileChunksAsync(Enumerable.Range(0, job.ChunksTotal).Where(c => !_filed.ContainsKey(c)).ToList(), mark: false, cancellationToken);
        var written = await ResultsStoreWriter.FinishAsync(directory, job, state, finishedAt, chunkSummaries, _fold!, _partial!, cancellationToken);
        _partial = null;
        return written;
    });

    public void Reset()
    {
        _partial?.Dispose();
        (_partial, _fold, _filed) = (null, null, []);
    }

    private async Task<T> ResettingOnFailureAsync<T>(Func<Task<T>> filing)
    {
        try
        {
            return await filing();
        }
        catch
        {
            Reset();
            throw;
        }
    }

    private async Task OpenAsync(JobStatus job, CancellationToken cancellationToken)
    {
        if (_partial is not null)
        {
            return;
        }

        var db = redis.Database;
        PrivateFiles.CreateDirectory(directory);
        string results = ResultsStoreWriter.ResultsPath(directory, jobId);
        string path = PartialRows.PathFor(results);

        // A finish that failed after its rows file was put in place (the disk filled while the JSON file was written):
        // that file is the partial one, whole, and the finish is tried again from it.
        if (!File.Exists(path) && File.Exists(RowsFile.PathFor(results)))
        {
            File.Move(RowsFile.PathFor(results), path);
        }

        var filed = (await db.HashGetAllAsync(ClusterKeys.Filed(jobId))).ToDictionary(
            e => int.Parse(e.Name.ToString(), CultureInfo.InvariantCulture), e => Range(e.Value.ToString()));
        var partial = await PartialRows.OpenAsync(path, job.TasksTotal, cancellationToken);
        bool lost = partial is null && filed.Count > 0;
        if (partial is null)
        {
            partial = await PartialRows.CreateAsync(path, job.TasksTotal, await ParameterSetsAsync(job), cancellationToken);
            partial.FlushToDisk();
        }

        var fold = ResultsStoreWriter.NewFold(job, partial.ParameterSets);
        foreach (var entry in await db.HashGetAllAsync(ClusterKeys.Errors(jobId)))
        {
            fold.Know((int)entry.Value, entry.Name.ToString());
        }

        (_partial, _fold, _filed) = (partial, fold, filed);
        await RefoldAsync(lost, cancellationToken);
    }

    // The job's parameter sets in task order, from its first lane's chunk payloads (every lane runs the same sets in
    // the same order), each parsed once for the whole job.
    private async Task<List<ParameterSet>> ParameterSetsAsync(JobStatus job)
    {
        int count = job.TasksTotal / Math.Max(1, job.Spec.LaneCount());
        var sets = new List<ParameterSet>(count);
        for (int chunk = 0; sets.Count < count; chunk++)
        {
            var payload = await PayloadAsync(chunk);
            sets.AddRange(payload.Strategies.Take(count - sets.Count).Select(ParameterSet.Of));
        }

        return sets;
    }

    private async Task<ChunkPayload> PayloadAsync(int chunk) =>
        await queue.ReadPayloadAsync(ClusterKeys.ChunkId(jobId, chunk)) is { Strategies.Count: > 0 } payload
            ? payload
            : throw new IOException($"Job {jobId}'s chunk {chunk} is gone from the queue before the job finished; its results are kept in the queue.");

    // A driver that starts on a part-filed job ranks the filed rows again from the file. Rows whose file is gone (deleted
    // by hand, a lost disk) cannot come back: their tasks are recorded as failed, saying why, rather than the job never ending.
    private async Task RefoldAsync(bool lost, CancellationToken cancellationToken)
    {
        byte[] buffer = [];
        foreach (var (chunk, (first, count)) in _filed.OrderBy(e => e.Key))
        {
            if (lost)
            {
                int error = await ErrorNumberAsync("this chunk's results were lost from the node's disk (its partial rows file was gone); submit the job again");
                var failed = StoredRow.Failure(error);
                byte[] row = new byte[StoredRow.Size];
                failed.WriteTo(row);
                for (int i = 0; i < count; i++)
                {
                    _fold!.Add(first + i, failed);
                    await _partial!.WriteAsync(first + i, row, cancellationToken);
                }

                continue;
            }

            if (buffer.Length < count * StoredRow.Size)
            {
                buffer = new byte[count * StoredRow.Size];
            }

            await _partial!.ReadAsync(first, buffer.AsMemory(0, count * StoredRow.Size), cancellationToken);
            for (int i = 0; i < count; i++)
            {
                _fold!.Add(first + i, StoredRow.Read(buffer.AsSpan(i * StoredRow.Size, StoredRow.Size)));
            }
        }
    }

    private async Task FileChunksAsync(List<int> chunks, bool mark, CancellationToken cancellationToken)
    {
        var db = redis.Database;
        for (int start = 0; start < chunks.Count; start += ChunksPerRound)
        {
            var round = chunks.Skip(start).Take(ChunksPerRound).ToList();
            var values = await db.HashGetAsync(ClusterKeys.Results(jobId), [.. round.Select(c => (RedisValue)c.ToString(CultureInfo.InvariantCulture))]);
            var filedNow = new List<(int Chunk, long First, int Count)>();
            for (int i = 0; i < round.Count; i++)
            {
                int chunk = round[i];
                if (_filed.ContainsKey(chunk))
                {
                    // Filed by this driver, listed again by a completion it raced: the list entry just goes.
                    await db.ListRemoveAsync(ClusterKeys.ToFile(jobId), chunk.ToString(CultureInfo.InvariantCulture));
                    continue;
                }

                var value = values[i];
                if (value.IsNull)
                {
                    continue;
                }

                if (value == "F")
                {
                    // Another driver filed it: this one's ranking lacks its rows, so it starts again from the file.
                    throw new IOException($"Chunk {chunk} of job {jobId} was filed by another driver; ranking again from the file.");
                }

                var rows = ChunkRows.IsChunkRows(((ReadOnlyMemory<byte>)value).Span)
                    ? ChunkRows.Read(value)
                    : ResultsStoreWriter.Readable(value, (await db.HashGetAsync(ClusterKeys.Results(jobId), chunk + ":s")).ToString(), (await PayloadAsync(chunk)).FirstTask);
                await ResultsStoreWriter.FileChunkAsync(_partial!, _fold!, rows, ErrorNumberAsync, cancellationToken);
                filedNow.Add((chunk, rows.FirstTask, rows.Count));
            }

            if (filedNow.Count == 0 || !mark)
            {
                continue;
            }

            // On disk before any chunk is marked filed: a mark is a promise that its rows are in the file.
            _partial!.FlushToDisk();
            await db.ScriptEvaluateAsync(
                QueueScripts.MarkFiled,
                [ClusterKeys.Results(jobId), ClusterKeys.Filed(jobId), ClusterKeys.ToFile(jobId)],
                [.. filedNow.SelectMany(f => new RedisValue[] { f.Chunk.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{f.First}:{f.Count}") })]);
            foreach (var (chunk, first, count) in filedNow)
            {
                _filed[chunk] = (first, count);
            }
        }
    }

    private async ValueTask<int> ErrorNumberAsync(string text)
    {
        if (_fold!.KnownNumber(text) is { } known)
        {
            return known;
        }

        var reply = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(
            QueueScripts.NumberError, [ClusterKeys.Errors(jobId)], [text, StoreFold.MaxErrorsKept, StoreFold.Overflow]))!;
        int number = (int)reply[0];
        _fold.Know(number, reply[1].ToString());
        return number;
    }

    private static (long First, int Count) Range(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        return (long.Parse(value.AsSpan(0, colon), CultureInfo.InvariantCulture), int.Parse(value.AsSpan(colon + 1), CultureInfo.InvariantCulture));
    }
}
