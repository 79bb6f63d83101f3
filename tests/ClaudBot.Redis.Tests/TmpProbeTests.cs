using System.Diagnostics;
using ClaudBot.Redis.Tests.Support;
namespace ClaudBot.Redis.Tests;
[Collection(BackendServers.Name)]
public sealed class TmpProbeTests(RealRedisFixture redis, EmbeddedRedisFixture embedded, ITestOutputHelper output) : BackendTestBase(redis, embedded, output)
{
    [Theory, BothBackends]
    public async Task Probe(Backend backend)
    {
        var c = Connection(backend);
        foreach (int n in new[] { 1, 2, 4, 4, 8, 8 })
        {
            var w = Stopwatch.StartNew();
            var rs = await Task.WhenAll(Enumerable.Range(0, n).Select(async i => { var s = Stopwatch.StartNew(); await c.BlockingMoveAsync(Key("q" + i), Key("p"), TimeSpan.FromSeconds(1), CancellationToken.None); return s.ElapsedMilliseconds; }));
            Output.WriteLine($"{backend} n={n}: {w.ElapsedMilliseconds} ms each {string.Join(",", rs)} threads={ThreadPool.ThreadCount} pending={ThreadPool.PendingWorkItemCount}");
        }
        foreach (int n in new[] { 1, 4 })
        {
            var w = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, n).Select(async i => { var s = Stopwatch.StartNew(); await c.BlockingMoveAsync(Key("q" + i), Key("p"), TimeSpan.FromMilliseconds(500), CancellationToken.None); return s.ElapsedMilliseconds; }).ToList();
            var times = await Task.WhenAll(tasks);
            Output.WriteLine($"{backend} 500ms n={n}: total {w.ElapsedMilliseconds} each {string.Join(",", times)}");
        }
    }
}
