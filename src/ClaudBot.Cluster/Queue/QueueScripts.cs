namespace ClaudBot.Cluster.Queue;

/// <summary>
/// The queue's atomic steps as Lua, so no interleaving of workers, reaper and driver can lose or
/// double-count a chunk. Each script runs on both the embedded server and Redis 7.
/// </summary>
internal static class QueueScripts
{
    /// <summary>
    /// After BLMOVE: lease the chunk to the worker, mark the job running, return {state, payload}.
    /// KEYS: lease, job, chunk. ARGV: worker, lease ms, now.
    /// </summary>
    public const string Claim = """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        local state = redis.call('HGET', KEYS[2], 'state')
        if state == 'queued' then
          redis.call('HSET', KEYS[2], 'state', 'running', 'started_at', ARGV[3])
          state = 'running'
        end
        return { state or '', redis.call('GET', KEYS[3]) or '' }
        """;

    /// <summary>
    /// Extends a lease the worker still holds, or takes it again if it lapsed while the chunk is still in this
    /// worker's processing list without a result (an outage longer than the lease, or a restarted server that lost
    /// the key): the reaper had not taken it back, so nobody else runs it. KEYS: lease, processing, results.
    /// ARGV: worker, lease ms, chunk id, result field. Returns 1 if held, 2 if taken again, 0 if lost.
    /// </summary>
    public const string Renew = """
        local holder = redis.call('GET', KEYS[1])
        if holder == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        if holder then return 0 end
        if redis.call('HEXISTS', KEYS[3], ARGV[4]) == 1 then return 0 end
        for _, id in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
          if id == ARGV[3] then
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 2
          end
        end
        return 0
        """;

    /// <summary>
    /// Stores a chunk's result if it is the first (exactly-once results), counts it, and releases the
    /// chunk. The summary goes first and the result field last: should a crash tear the script, a chunk
    /// without its result field is run again, and a summary is the same bytes whichever run wrote it. A stored chunk joins
    /// the job's list of chunks for the driver to file. KEYS: results, job, processing, lease, to-file. ARGV: field, rows, summary json, chunk id,
    /// tasks in chunk, failed in chunk, worker. Returns {stored, chunks_done, chunks_total, tasks_done, tasks_failed, tasks_total}.
    /// </summary>
    public const string Complete = """
        local stored = 0
        local finished = redis.call('HGET', KEYS[2], 'state')
        if finished == 'completed' or finished == 'completed_with_errors' then
          -- A late duplicate of a chunk whose job is already in its results file: its results were dropped
          -- from the queue server at the finish, and must not come back (nor count twice).
          redis.call('LREM', KEYS[3], 1, ARGV[4])
          if redis.call('GET', KEYS[4]) == ARGV[7] then redis.call('DEL', KEYS[4]) end
          local done = redis.call('HMGET', KEYS[2], 'chunks_done', 'chunks_total', 'tasks_done', 'tasks_failed', 'tasks_total')
          return { 0, done[1] or '0', done[2] or '0', done[3] or '0', done[4] or '0', done[5] or '0' }
        end
        redis.call('HSET', KEYS[1], ARGV[1] .. ':s', ARGV[3])
        if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
          redis.call('HINCRBY', KEYS[2], 'chunks_done', 1)
          redis.call('HINCRBY', KEYS[2], 'tasks_done', tonumber(ARGV[5]) - tonumber(ARGV[6]))
          redis.call('HINCRBY', KEYS[2], 'tasks_failed', tonumber(ARGV[6]))
          redis.call('RPUSH', KEYS[5], ARGV[1])
          stored = 1
        end
        redis.call('LREM', KEYS[3], 1, ARGV[4])
        if redis.call('GET', KEYS[4]) == ARGV[7] then
          redis.call('DEL', KEYS[4])
        end
        local counts = redis.call('HMGET', KEYS[2], 'chunks_done', 'chunks_total', 'tasks_done', 'tasks_failed', 'tasks_total')
        return { stored, counts[1] or '0', counts[2] or '0', counts[3] or '0', counts[4] or '0', counts[5] or '0' }
        """;

    /// <summary>
    /// Puts a chunk from a processing list back at the head of the queue unless it is leased or already
    /// done. KEYS: processing, lease, results, queue, deliveries. ARGV: chunk id, result field, max deliveries.
    /// Returns 'leased', 'gone', 'done', 'exhausted' or 'requeued'.
    /// </summary>
    public const string Requeue = """
        if redis.call('EXISTS', KEYS[2]) == 1 then return 'leased' end
        if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 'gone' end
        if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 1 then return 'done' end
        local deliveries = redis.call('HINCRBY', KEYS[5], ARGV[1], 1)
        if deliveries >= tonumber(ARGV[3]) then return 'exhausted' end
        redis.call('LPUSH', KEYS[4], ARGV[1])
        return 'requeued'
        """;

    /// <summary>Deletes a lease only if this worker still holds it. KEYS: lease. ARGV: worker.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>
    /// A stopping worker hands back a chunk it will not finish. KEYS: processing, lease, results, queue.
    /// ARGV: chunk id, result field, worker.
    /// </summary>
    public const string HandBack = """
        if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 0 end
        if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
        if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 1 then return 0 end
        redis.call('LPUSH', KEYS[4], ARGV[1])
        return 1
        """;

    /// <summary>
    /// Cancels a job that has not finished: drops its queued chunks. KEYS: job, queue, active jobs.
    /// ARGV: job id, chunk count, now. Returns the state the job is in afterwards.
    /// </summary>
    public const string Cancel = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return '' end
        if state == 'completed' or state == 'completed_with_errors' or state == 'cancelled' then return state end
        redis.call('HSET', KEYS[1], 'state', 'cancelled', 'finished_at', ARGV[3])
        for i = 0, tonumber(ARGV[2]) - 1 do
          redis.call('LREM', KEYS[2], 0, ARGV[1] .. ':' .. i)
        end
        redis.call('SREM', KEYS[3], ARGV[1])
        return 'cancelled'
        """;

    /// <summary>
    /// Records chunks as filed in their job's rows file (on disk before this runs): each result field keeps only a mark,
    /// so the queue server no longer holds its rows, and the field's presence still says the chunk is done. Nothing for
    /// a job already finished (its keys are gone). KEYS: results, filed, to-file. ARGV: field, "first:count", field,
    /// "first:count", ... Returns how many were marked.
    /// </summary>
    public const string MarkFiled = """
        local marked = 0
        for i = 1, #ARGV, 2 do
          if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
            redis.call('HSET', KEYS[1], ARGV[i], 'F')
            redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
            redis.call('LREM', KEYS[3], 1, ARGV[i])
            marked = marked + 1
          end
        end
        return marked
        """;

    /// <summary>
    /// A job's number for an error text, numbering it if new, so every driver that files the job's rows agrees. Past
    /// ARGV[2] distinct texts, the text ARGV[3] stands for the rest. KEYS: errors. ARGV: text, cap, overflow text.
    /// Returns {number, the text that number names}.
    /// </summary>
    public const string NumberError = """
        local known = redis.call('HGET', KEYS[1], ARGV[1])
        if known then return { tonumber(known), ARGV[1] } end
        local text = ARGV[1]
        if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[2]) then
          text = ARGV[3]
          known = redis.call('HGET', KEYS[1], text)
          if known then return { tonumber(known), text } end
        end
        local number = redis.call('HLEN', KEYS[1])
        redis.call('HSET', KEYS[1], text, number)
        return { number, text }
        """;

    /// <summary>
    /// Marks a job as finished once every chunk has a result, with counts taken from the results
    /// themselves, and drops the per-chunk results and delivery counts in the same step: the results file
    /// (written, flushed to disk and read back before this runs) holds them now, and a sweep's results kept
    /// in the queue server were gigabytes of memory nobody read again. KEYS: job, active jobs, results,
    /// deliveries, to-file, filed, errors (every key from the third is dropped). ARGV: job id, state, now, results file, tasks done, tasks failed. Returns 1 if this call finished it.
    /// </summary>
    public const string Finish = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if state ~= 'queued' and state ~= 'running' then return 0 end
        local chunks = redis.call('HGET', KEYS[1], 'chunks_total')
        redis.call('HSET', KEYS[1], 'state', ARGV[2], 'finished_at', ARGV[3], 'results_file', ARGV[4],
          'tasks_done', ARGV[5], 'tasks_failed', ARGV[6], 'chunks_done', chunks)
        redis.call('SREM', KEYS[2], ARGV[1])
        for i = 3, #KEYS do redis.call('DEL', KEYS[i]) end
        return 1
        """;
}
