using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Tests.Worker;

/// <summary>A chunk's lease kept alive on a fake clock: the period, and queue errors that must not end the loop.</summary>
public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Renews_EveryThirdOfTheLease()
    {
        int calls = 0;
        var keeper = Keeper(_ => { calls++; return Task.FromResult(LeaseRenewal.Held); });
        using var stop = new CancellationTokenSource();
        var running = keeper.RunAsync(stop.Token);

        await AdvanceAsync(TimeSpan.FromSeconds(9.999));
        Assert.Equal(0, calls);
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        await UntilAsync(() => calls == 1);
        await AdvanceAsync(TimeSpan.FromSeconds(10));
        await UntilAsync(() => calls == 2);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((2, 0), (keeper.Renewals, keeper.Errors));
    }

    [Fact]
    public async Task QueueErrors_AreTriedAgainWithBackoff_AndNeverEndTheLoop()
    {
        Exception[] failures =
        [
            new TimeoutException("Timeout awaiting response"),
            new RedisException("No connection is active/available"),
            new ObjectDisposedException("ConnectionMultiplexer"),
        ];
        int calls = 0;
        var keeper = Keeper(_ => calls++ < failures.Length ? Task.FromException<LeaseRenewal>(failures[calls - 1]) : Task.FromResult(LeaseRenewal.Retaken));
        using var stop = new CancellationTokenSource();
        var running = keeper.RunAsync(stop.Token);

        await AdvanceAsync(Lease / 3);
        await UntilAsync(() => keeper.Errors == 1);
        foreach (var (ms, errors) in new[] { (100, 2), (200, 3) })
        {
            await AdvanceAsync(TimeSpan.FromMilliseconds(ms - 1));
            Assert.Equal(errors - 1, keeper.Errors);
            await AdvanceAsync(TimeSpan.FromMilliseconds(1));
            await UntilAsync(() => keeper.Errors == errors);
        }

        await AdvanceAsync(TimeSpan.FromMilliseconds(400));
        await UntilAsync(() => keeper.Renewals == 1);
        await AdvanceAsync(Lease / 3);
        await UntilAsync(() => keeper.Renewals == 2);

        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, keeper.Errors);
    }

    [Fact]
    public async Task Cancelled_WhileRenewing_EndsWithoutThrowing()
    {
        using var stop = new CancellationTokenSource();
        var keeper = Keeper(ct => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => LeaseRenewal.Held, ct));
        var running = keeper.RunAsync(stop.Token);
        await AdvanceAsync(Lease / 3);

        await stop.CancelAsync();

        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(running.IsCompletedSuccessfully);
    }

    private LeaseKeeper Keeper(Func<CancellationToken, Task<LeaseRenewal>> renew) => new(renew, "job:0", Lease, _time, NullLogger.Instance);

    private async Task AdvanceAsync(TimeSpan by)
    {
        // Let the loop reach its next wait before the clock moves.
        await Task.Delay(20);
        _time.Advance(by);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
