using System.CommandLine;
using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Portfolio;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Commands;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>claudbot-node submit STRATEGIES SYMBOLS FROM TO [--param NAME=VALUE ...] [--costs NAME | --cost-bps N] [--slippage-bps N]
/// [--size S] [--whole-shares | --fractional] [--walkforward --in LENGTH --out LENGTH [--step LENGTH] [--anchored]
/// [--objective METRIC] [--min-trades N]] [--portfolio COUNTS [--rank R]] [--wait]</c>. A walk-forward job waited for ends
/// with its report's lines (<see cref="WalkForwardLines"/>); a portfolio job with its best setting's (<see cref="PortfolioLines"/>).
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var strategies = new Argument<string>("strategies") { Description = "Comma list of strategies, with parameters or grids: rsi,macd or rsi(period=7..21 step 7)" };
        var symbols = new Argument<string>("symbols") { Description = "Comma list of symbols: RELIANCE,TCS" };
        var from = new Argument<string>("from") { Description = "First day, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day, YYYY-MM-DD (inclusive)" };
        var cost = new Option<double?>("--cost-bps") { Description = "Cost per side in basis points" };
        var wait = new Option<bool>("--wait") { Description = "Follow the job until it finishes" };
        var parameters = new Option<string[]>("--param")
        {
            Description = "NAME=VALUE for every strategy that has that parameter; a value may be a grid: --param period=7..21 step 7",
            AllowMultipleArgumentsPerToken = false,
        };
        var by = new Option<string>("--by") { Description = "Who is asking (recorded with the job)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("submit", "Queue a backtest job on the cluster (a sweep; a walk-forward with --walkforward --in 2y --out 6m; portfolios with --portfolio 5,10,20).") { strategies, symbols, from, to, parameters, cost, wait, by };
        var executionOptions = new ExecutionOptionSet();
        executionOptions.AddTo(command);
        var walkForward = new WalkForwardOptionSet();
        walkForward.AddTo(command);
        var portfolios = new PortfolioOptionSet();
        portfolios.AddTo(command);
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (IServiceProvider services, CancellationToken ct) =>
        {
            var client = services.GetRequiredService<Cluster.ClusterClient>();
            var (portfolio, execution) = portfolios.Read(parse, executionOptions.Read(parse));
            var request = new JobRequest(
                StrategyParser.ApplyParameters(parse.GetValue(strategies)!, [.. (parse.GetValue(parameters) ?? []).Select(Setting)]),
                [.. parse.GetValue(symbols)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                InputDates.Parse(parse.GetValue(from)!, "from"),
                InputDates.Parse(parse.GetValue(to)!, "to"),
                parse.GetValue(by)!)
            {
                CostBps = parse.GetValue(cost),
                Execution = execution,
                WalkForward = walkForward.Read(parse),
                Portfolio = portfolio,
            };
            var (id, plan) = await client.SubmitAsync(request, ct);
            string what = portfolio is null ? "backtests" : "portfolio backtests";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Job {id} queued: {plan.TaskCount:N0} {what} in {plan.Chunks.Count} chunks."));
            foreach (string note in plan.Notes)
            {
                await error.WriteLineAsync("Note: " + note);
            }

            if (!parse.GetValue(wait))
            {
                return ExitCodes.Success;
            }

            var progress = new Progress<JobStatus>(job => output.WriteLine(JobText.Progress(job)));
            var finished = await client.WaitAsync(id, progress, ct);
            await output.WriteLineAsync(JobText.Finished(finished));
            if (request.WalkForward is not null && finished.ResultsFile is { } results)
            {
                await WriteReportAsync(WalkForwardReports.PathFor(results), output, error, ct);
            }

            if (request.Portfolio is not null && finished.ResultsFile is not null)
            {
                await WriteBestPortfolioAsync(services.GetRequiredService<PortfolioJobReports>(), finished, output, error, ct);
            }

            return finished.State == JobState.Completed ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }

    // The driver writes the report before it marks the job finished; one missing here was not made then (it is made
    // when first asked, e.g. by the dashboard) or lies on another machine than this command's.
    private static async Task WriteReportAsync(string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"Note: no walk-forward report at {path} on this machine; the dashboard's job page makes and shows it.");
            return;
        }

        WalkForwardReport report;
        await using (var file = File.OpenRead(path))
        {
            report = await WalkForwardReports.ReadAsync(file, cancellationToken);
        }

        foreach (string line in WalkForwardLines.Of(report))
        {
            await output.WriteLineAsync(line);
        }
    }

    // Run again here from the job's spec with this machine's data: the node's box has it; elsewhere its fingerprints may differ.
    private static async Task WriteBestPortfolioAsync(PortfolioJobReports reports, JobStatus job, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            foreach (string line in PortfolioLines.Of(await reports.RunAsync(job, null, null, cancellationToken)))
            {
                await output.WriteLineAsync(line);
            }
        }
        catch (PortfolioReportException unavailable)
        {
            await error.WriteLineAsync($"Note: the best setting's report was not made here: {unavailable.Message}");
        }
    }

    private static (string Name, string Value) Setting(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? (text[..equals].Trim(), text[(equals + 1)..].Trim())
            : throw new StrategySpecException($"--param takes NAME=VALUE, e.g. --param period=10; got '{text}'.");
    }
}
