using System.Diagnostics;
using ClaudBot.Redis.Tests.Support;
using StackExchange.Redis;

namespace ClaudBot.Redis.Tests;

/// <summary><see cref="RedisConnection.BlockingMoveAsync"/> (BLMOVE) on both servers.</summary>
[Trait("Category", "RealServer")]
[Collection(BackendServers.Name)]
public sealed class BlockingMoveTests(RealRedisFixture redis, EmbeddedRedisFixture embedded, ITestOutputHelper output)
    : BackendTestBase(redis, embedded, output)
{
    [Theory, BothBackends]
    public async Task WithAnElementWaiting_ReturnsIt_AndMovesItToTheDestination(Backend backend)
    {
        var db = Db(backend);
        await db.ListLeftPushAsync(Key("queue"), "chunk-1");

        var moved = await Connection(backend).BlockingMoveAsync(Key("queue"), Key("processing"), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal("chunk-1", moved);
        Assert.Equal(0, await db.ListLengthAsync(Key("queue")));
        Assert.Equal(["chunk-1"], (await db.ListRangeAsync(Key("processing"))).Select(v => v.ToString()));
    }

    [Theory, BothBackends]
    public async Task TakesFromTheHead_SoRightPushedElementsComeOutInOrder(Backend backend)
    {
        var db = Db(backend);
        await db.ListRightPushAsync(Key("queue"), ["a", "b", "c"]);
        var connection = Connection(backend);

        var taken = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            taken.Add((await connection.BlockingMoveAsync(Key("queue"), Key("processing"), TimeSpan.FromSeconds(1), CancellationToken.None))!);
        }

        Assert.Equal(["a", "b", "c"], taken);
        Assert.Equal(["a", "b", "c"], (await db.ListRangeAsync(Key("processing"))).Select(v => v.ToString()));
    }

    [Theory, BothBackends]
    public async Task OnAnEmptyList_ReturnsNullAfterAFractionalTimeout(Backend backend)
    {
        var watch = Stopwatch.StartNew();

        var moved = await Connection(backend).BlockingMoveAsync(Key("queue"), Key("processing"), TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Output.WriteLine($"{backend}: null after {watch.ElapsedMilliseconds} ms (timeout 300 ms)");
        Assert.True(moved.IsNull);
        Assert.InRange(watch.ElapsedMilliseconds, 250, 3000);
    }

    [Theory, BothBackends]
    public async Task IsWokenByAPushFromAnotherConnection(Backend backend)
    {
        var connection = Connection(backend);
        var waiting = connection.BlockingMoveAsync(Key("queue"), Key("processing"), TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(200);
        var watch = Stopwatch.StartNew();

        await connection.Database.ListRightPushAsync(Key("queue"), "chunk-7");
        var moved = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Output.WriteLine($"{backend}: woken {watch.ElapsedMilliseconds} ms after the push");
        Assert.Equal("chunk-7", moved);
    }

    [Theory, BothBackends]
    public async Task ConcurrentWaits_DoNotQueueBehindEachOther(Backend backend)
    {
        // One connection per blocked caller: on a shared connection the second BLMOVE would start only after the first ended.
        var connection = Connection(backend);
        var watch = Stopwatch.StartNew();

        var waits = Enumerable.Range(0, 8).Select(i => connection.BlockingMoveAsync(Key("q" + i), Key("p"), TimeSpan.FromSeconds(1), CancellationToken.None));
        var results = await Task.WhenAll(waits);

        Output.WriteLine($"{backend}: eight 1 s waits took {watch.ElapsedMilliseconds} ms together");
        Assert.All(results, r => Assert.True(r.IsNull));
        Assert.InRange(watch.ElapsedMilliseconds, 900, 1900);
    }

    [Theory, BothBackends]
    public async Task TwoWaitingWorkers_EachGetOneOfTwoPushedElements(Backend backend)
    {
        var connection = Connection(backend);
        var first = connection.BlockingMoveAsync(Key("queue"), Key("p1"), TimeSpan.FromSeconds(10), CancellationToken.None);
        var second = connection.BlockingMoveAsync(Key("queue"), Key("p2"), TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(200);

        await connection.Database.ListRightPushAsync(Key("queue"), ["x", "y"]);
        var results = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["x", "y"], results.Select(r => r.ToString()).Order());
    }

    [Theory, BothBackends]
    public async Task CancelledWhileWaiting_ThrowsWhenTheWaitEnds(Backend backend)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Connection(backend).BlockingMoveAsync(Key("queue"), Key("processing"), TimeSpan.FromMilliseconds(500), cancel.Token));
    }

    [Theory, BothBackends]
    public async Task AlreadyCancelled_MovesNothing(Backend backend)
    {
        var db = Db(backend);
        await db.ListRightPushAsync(Key("queue"), "chunk-1");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Connection(backend).BlockingMoveAsync(Key("queue"), Key("processing"), TimeSpan.FromSeconds(1), new CancellationToken(canceled: true)));

        Assert.Equal(1, await db.ListLengthAsync(Key("queue")));
    }

    [Theory, BothBackends]
    public async Task TimeoutOutOfRange_IsRejected(Backend backend)
    {
        var connection = Connection(backend);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => connection.BlockingMoveAsync(Key("q"), Key("p"), TimeSpan.Zero, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => connection.BlockingMoveAsync(Key("q"), Key("p"), TimeSpan.FromHours(1), CancellationToken.None));
    }
}
