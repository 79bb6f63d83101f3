using ClaudBot.Cluster.Queue;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Cluster.Tests.Queue;

public sealed class BackoffTests
{
    [Fact]
    public void Delay_DoublesFromFirst_AndStopsAtMax()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

        var delays = Enumerable.Range(1, 8).Select(backoff.Delay).Select(d => d.TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1600, 2000, 2000, 2000], delays);
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Delay(int.MaxValue));
    }

    [Fact]
    public async Task WaitAsync_EndsWhenTheFakeClockPassesTheDelay_NotBefore()
    {
        var time = new FakeTimeProvider();
        var wait = Backoff.Queue.WaitAsync(3, time, CancellationToken.None);

        time.Advance(TimeSpan.FromMilliseconds(399));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task WaitAsync_Cancelled_ReturnsFalseWithoutThrowing()
    {
        using var cancel = new CancellationTokenSource();
        var wait = Backoff.Queue.WaitAsync(1, new FakeTimeProvider(), cancel.Token);

        await cancel.CancelAsync();

        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
