using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Tests.Support.FaultHook;

/// <summary>
/// A service of the node that ends by itself after <see cref="After"/>: with a <see cref="RedisException"/>
/// when <c>CLAUDBOT_TEST_FAULT</c> is <c>queue</c>, else with an <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed class FaultingService : BackgroundService
{
    public const string Message = "the test's service gave up";

    public static readonly TimeSpan After = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(After, stoppingToken);
        throw Environment.GetEnvironmentVariable("CLAUDBOT_TEST_FAULT") == "queue"
            ? new RedisException(Message)
            : new InvalidOperationException(Message);
    }
}
