using ClaudBot.Redis.Tests.Support;
using StackExchange.Redis;

namespace ClaudBot.Redis.Tests;

/// <summary>The commands the cluster's queue relies on, checked the same way on Redis 7 and on Garnet.</summary>
[Trait("Category", "RealServer")]
[Collection(BackendServers.Name)]
public sealed class CommandTests(RealRedisFixture redis, EmbeddedRedisFixture embedded, ITestOutputHelper output)
    : BackendTestBase(redis, embedded, output)
{
    [Theory, BothBackends]
    public async Task SetWithPx_ReadsBackThenExpires(Backend backend)
    {
        var db = Db(backend);

        Assert.True(await db.StringSetAsync(Key("k"), "v", TimeSpan.FromMilliseconds(300)));

        Assert.Equal("v", await db.StringGetAsync(Key("k")));
        var ttl = await db.KeyTimeToLiveAsync(Key("k"));
        Assert.InRange(ttl!.Value.TotalMilliseconds, 1, 300);
        await WaitUntilGoneAsync(db, Key("k"));
    }

    [Theory, BothBackends]
    public async Task SetPxNx_OnlyTheFirstSetWins(Backend backend)
    {
        var db = Db(backend);

        bool first = await db.StringSetAsync(Key("lease"), "worker-1", TimeSpan.FromSeconds(30), When.NotExists);
        bool second = await db.StringSetAsync(Key("lease"), "worker-2", TimeSpan.FromSeconds(30), When.NotExists);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("worker-1", await db.StringGetAsync(Key("lease")));
    }

    [Theory, BothBackends]
    public async Task PExpire_SetsAMillisecondTtl_AndTheKeyGoes(Backend backend)
    {
        var db = Db(backend);
        await db.StringSetAsync(Key("k"), "v");

        var set = await db.ExecuteAsync("PEXPIRE", Key("k"), 250);

        Assert.Equal(1, (long)set);
        Assert.InRange((long)await db.ExecuteAsync("PTTL", Key("k")), 1, 250);
        await WaitUntilGoneAsync(db, Key("k"));
    }

    [Theory, BothBackends]
    public async Task HashSetNx_FirstWriterWins(Backend backend)
    {
        var db = Db(backend);

        bool first = await db.HashSetAsync(Key("results"), "chunk-1", "a", When.NotExists);
        bool second = await db.HashSetAsync(Key("results"), "chunk-1", "b", When.NotExists);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("a", await db.HashGetAsync(Key("results"), "chunk-1"));
    }

    [Theory, BothBackends]
    public async Task HIncrBy_AddsAndReturnsTheNewValue(Backend backend)
    {
        var db = Db(backend);

        long first = await db.HashIncrementAsync(Key("job"), "done", 3);
        long second = await db.HashIncrementAsync(Key("job"), "done", -1);

        Assert.Equal(3, first);
        Assert.Equal(2, second);
    }

    [Theory, BothBackends]
    public async Task RPushAndLRem_RemoveTheGivenCountFromTheHead(Backend backend)
    {
        var db = Db(backend);

        long length = await db.ListRightPushAsync(Key("l"), ["a", "b", "a", "c", "a"]);
        long removedOne = await db.ListRemoveAsync(Key("l"), "a", 1);
        long removedAll = await db.ListRemoveAsync(Key("l"), "a", 0);

        Assert.Equal(5, length);
        Assert.Equal(1, removedOne);
        Assert.Equal(2, removedAll);
        Assert.Equal(["b", "c"], (await db.ListRangeAsync(Key("l"))).Select(v => v.ToString()));
    }

    [Theory, BothBackends]
    public async Task Eval_WithKeysAndArgv_RunsAtomically(Backend backend)
    {
        // The shape of the queue's "complete" script: first result wins, counters move, the chunk leaves processing.
        const string Script = """
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              redis.call('HINCRBY', KEYS[2], 'done', 1)
            end
            redis.call('LREM', KEYS[3], 1, ARGV[1])
            return { redis.call('HGET', KEYS[2], 'done'), redis.call('LLEN', KEYS[3]), redis.call('GET', KEYS[4]) or '' }
            """;
        var db = Db(backend);
        await db.ListRightPushAsync(Key("processing"), ["c1", "c2"]);
        RedisKey[] keys = [Key("results"), Key("job"), Key("processing"), Key("missing")];

        var first = (RedisResult[])(await db.ScriptEvaluateAsync(Script, keys, ["c1", "result-1"]))!;
        var again = (RedisResult[])(await db.ScriptEvaluateAsync(Script, keys, ["c1", "result-2"]))!;

        Assert.Equal(["1", "1", ""], first.Select(r => r.ToString()));
        Assert.Equal(["1", "1", ""], again.Select(r => r.ToString()));
        Assert.Equal("result-1", await db.HashGetAsync(Key("results"), "c1"));
    }

    [Theory, BothBackends]
    public async Task ScriptLoad_ThenEvalSha_RunsTheCachedScript(Backend backend)
    {
        var db = Db(backend);

        string sha = (string)(await db.ExecuteAsync("SCRIPT", "LOAD", "return redis.call('INCRBY', KEYS[1], ARGV[1])"))!;
        var result = await db.ExecuteAsync("EVALSHA", sha, 1, Key("n"), 5);

        Assert.Equal(40, sha.Length);
        Assert.Equal(5, (long)result);
    }

    [Theory, BothBackends]
    public async Task EvalSha_OfAnUnknownScript_FailsWithNoScript(Backend backend)
    {
        // SE.Redis's ScriptEvaluateAsync sends EVALSHA first and falls back to EVAL on exactly this error.
        var error = await Assert.ThrowsAsync<RedisServerException>(() => Db(backend).ExecuteAsync("EVALSHA", new string('0', 40), 0));

        Assert.StartsWith("NOSCRIPT", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothBackends]
    public async Task PublishSubscribe_DeliversTheMessage(Backend backend)
    {
        var channel = RedisChannel.Literal(Prefix + "events");
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = Connection(backend).Subscriber;
        await subscriber.SubscribeAsync(channel, (_, message) => received.TrySetResult(message!));
        try
        {
            long receivers = await subscriber.PublishAsync(channel, "job-1 done");

            Assert.Equal("job-1 done", await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.Equal(1, receivers);
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel);
        }
    }

    [Theory, BothBackends]
    public async Task MultiExec_AppliesAllOrNothing(Backend backend)
    {
        var db = Db(backend);
        var commit = db.CreateTransaction();
        commit.AddCondition(Condition.KeyNotExists(Key("job")));
        _ = commit.HashSetAsync(Key("job"), "state", "queued");
        _ = commit.ListRightPushAsync(Key("queue"), ["c1", "c2"]);
        _ = commit.SortedSetAddAsync(Key("jobs"), "job-1", 1);

        var refused = db.CreateTransaction();
        refused.AddCondition(Condition.KeyNotExists(Key("job")));
        _ = refused.ListRightPushAsync(Key("queue"), "c3");

        Assert.True(await commit.ExecuteAsync());
        Assert.False(await refused.ExecuteAsync());
        Assert.Equal("queued", await db.HashGetAsync(Key("job"), "state"));
        Assert.Equal(["c1", "c2"], (await db.ListRangeAsync(Key("queue"))).Select(v => v.ToString()));
    }

    [Theory, BothBackends]
    public async Task SetAndHashCommands_TheQueueScriptsUse_Work(Backend backend)
    {
        const string Script = """
            redis.call('SADD', KEYS[1], 'a', 'b')
            redis.call('SREM', KEYS[1], 'a')
            redis.call('HSET', KEYS[2], 'state', 'running', 'started_at', ARGV[1])
            local counts = redis.call('HMGET', KEYS[2], 'state', 'started_at', 'nothing')
            return { redis.call('EXISTS', KEYS[2]), redis.call('HEXISTS', KEYS[2], 'state'), redis.call('SCARD', KEYS[1]), counts[1], counts[2], counts[3] or 'nil' }
            """;

        var reply = (RedisResult[])(await Db(backend).ScriptEvaluateAsync(Script, [Key("set"), Key("hash")], ["2024-01-01"]))!;

        Assert.Equal(["1", "1", "1", "running", "2024-01-01", "nil"], reply.Select(r => r.ToString()));
    }

    [Theory, BothBackends]
    public async Task Eval_ReadModifyWrite_IsAtomicAcrossConnections(Backend backend)
    {
        // A GET then SET inside one script: any interleaving of two scripts would lose an increment.
        const string Script = """
            local value = tonumber(redis.call('GET', KEYS[1]) or '0')
            redis.call('SET', KEYS[1], value + 1)
            return value + 1
            """;
        const int PerClient = 500;
        var options = Microsoft.Extensions.Options.Options.Create(new RedisOptions
        {
            ConnectionString = backend == Backend.Redis ? RealRedis.ConnectionString : Embedded.Server.EndPoint.ToString(),
        });
        var clients = Enumerable.Range(0, 4).Select(_ => new RedisConnection(options)).ToList();
        try
        {
            await Task.WhenAll(clients.Select(c => Task.WhenAll(
                Enumerable.Range(0, PerClient).Select(_ => c.Database.ScriptEvaluateAsync(Script, [Key("counter")]))))); 

            Assert.Equal(4 * PerClient, (long)await Db(backend).StringGetAsync(Key("counter")));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task WaitUntilGoneAsync(IDatabase db, RedisKey key)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (await db.KeyExistsAsync(key))
        {
            await Task.Delay(50, limit.Token);
        }
    }
}
