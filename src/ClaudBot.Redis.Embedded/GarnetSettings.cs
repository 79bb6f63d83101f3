using System.Net;
using Garnet.server;
using Tsavorite.core;

namespace ClaudBot.Redis.Embedded;

/// <summary>
/// The Garnet configuration of the embedded server. Each non-default value answers a pitfall found
/// while testing Garnet 2.2.8 on Debian 12 (see the comments).
/// </summary>
internal static class GarnetSettings
{
    /// <summary>Subfolder for the store's on-disk log when <see cref="RedisOptions.Persist"/> is off; wiped on start.</summary>
    public const string VolatileFolder = "volatile";

    public static GarnetServerOptions Create(IPEndPoint endPoint, string directory, bool persist)
    {
        string storeRoot = persist ? directory : Path.Combine(directory, VolatileFolder);
        return new GarnetServerOptions
        {
            EndPoints = [endPoint],
            QuietMode = true,

            // The queue runs Lua (EVAL/EVALSHA). Without LuaOptions, EnableLua throws a NullReferenceException at start.
            EnableLua = true,
            LuaOptions = new LuaOptions(LuaMemoryManagementMode.Native, "", Timeout.InfiniteTimeSpan, LuaLoggingMode.Enable, []),

            // Redis runs a script atomically; Garnet does so only in transaction mode (it locks the script's KEYS).
            // Without it, 4 clients x 500 read-modify-write scripts on one key ended at ~1,100, not 2,000.
            // So a script must name every key it touches in KEYS, as Redis also requires.
            LuaTransactionMode = true,

            // Without a storage tier Garnet is a cache: records past LogMemorySize are silently evicted
            // (18,414 of 20,000 keys gone with a 4 MB log in a test). With the tier they spill to disk.
            EnableStorageTier = true,
            LogDir = storeRoot,
            CheckpointDir = storeRoot,
            LogMemorySize = "64m",
            PageSize = "1m",
            SegmentSize = "32m",
            IndexMemorySize = "16m",

            // The default native device needs glibc 2.38 (Debian 12 has 2.36) and FailFasts the whole process on first write.
            DeviceType = DeviceType.RandomAccess,

            // Persistence: an AOF committed per operation, and the reply only after the commit, so an
            // acknowledged write survives kill -9. Recover replays checkpoint + AOF on start, and a
            // recovery error stops the start instead of silently serving an empty store.
            EnableAOF = persist,
            CommitFrequencyMs = 0,
            WaitForCommit = persist,
            Recover = persist,
            FailOnRecoveryError = true,

            // The default AOF buffer is 128 MB and its segments 1 GB (never truncated). Smaller segments plus
            // a checkpoint whenever the AOF passes 64 MB keep the files and the replay on restart bounded.
            AofMemorySize = "16m",
            AofPageSize = "2m",
            AofSegmentSize = "32m",
            AofSizeLimit = persist ? "64m" : string.Empty,

            // Garnet serves a blocked BLMOVE by holding a thread-pool thread (Task.Result) for the whole wait, and
            // it shares this process's pool: with the default minimum (one per core) each extra waiting client
            // stalled everything in the process by up to 2 s until the pool grew. 64 covers the worker slots
            // of a home cluster; it is a floor the pool may use without delay, not threads created up front.
            ThreadPoolMinThreads = 64,

            // Updates append to the on-disk log; compaction drops dead records once 8 segments exist.
            CompactionType = LogCompactionType.Scan,
            CompactionFrequencySecs = 300,
            CompactionMaxSegments = 8,
        };
    }
}
