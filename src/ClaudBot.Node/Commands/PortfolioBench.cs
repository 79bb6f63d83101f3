using System.Diagnostics;
using System.Globalization;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Portfolio;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>claudbot-node bench --portfolio</c>: a portfolio job over every bundled symbol, a 240-point rsi grid x 5, 10 and
/// 20 positions (720 portfolios of 49 symbols, each a backtest per symbol). Prints submit to finished, portfolios and
/// backtest-equivalents per second, the driver's and a worker's peak memory; then, side by side, the best setting's
/// report made again in this process (one portfolio alone, as the API answers it), timed three times.
/// </summary>
internal static class PortfolioBench
{
    /// <summary>30 periods x 8 lower bands = 240 parameter sets.</summary>
    public const string Grid = "rsi(period=5..34, lower=20..34 step 2)";

    private const int Reruns = 3;

    private static readonly int[] Positions = [5, 10, 20];

    public static async Task RunAsync(ClusterClient client, PortfolioJobReports reports, string[] symbols, IReadOnlyList<Process> workers, TextWriter output, CancellationToken cancellationToken)
    {
        await using var memory = new PeakMemory(workers);
        var request = new JobRequest(Grid, symbols, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "bench") { Portfolio = new PortfolioJobSettings(Positions) };
        var clock = Stopwatch.StartNew();
        var (id, plan) = await client.SubmitAsync(request, cancellationToken);
        var job = await client.WaitAsync(id, null, cancellationToken);
        var elapsed = clock.Elapsed;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"portfolio job: {plan.TaskCount:N0} portfolios ({plan.TaskCount / Positions.Length:N0} parameter sets x {Positions.Length} position counts, {symbols.Length} symbols each) in {plan.Chunks.Count:N0} chunks, {elapsed.TotalSeconds:0.0} s submit to finished = {plan.TaskCount / elapsed.TotalSeconds:N0} portfolios/s ({plan.TaskCount * symbols.Length / elapsed.TotalSeconds:N0} symbol-backtests/s); state {job.State.ToName()}; " +
            $"peak memory: driver (with the embedded queue server) {memory.Driver / 1048576.0:N0} MB, each worker at most {memory.Worker / 1048576.0:N0} MB"));

        var timings = new List<double>(Reruns);
        Backtesting.PortfolioView? best = null;
        for (int i = 0; i < Reruns; i++)
        {
            var run = Stopwatch.StartNew();
            best = await reports.RunAsync(job, null, null, cancellationToken);
            timings.Add(run.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"best setting's report alone ({Reruns} times, this process): {timings[0]:N0} ms fastest, {timings[Reruns / 2]:N0} ms median; {best!.Strategy} with at most {best.MaxPositions} positions, {best.Trades.Count:N0} trades, return {best.Portfolio.TotalReturn:0.0%} against buy and hold's {best.BuyHold.TotalReturn:0.0%}"));
    }
}
