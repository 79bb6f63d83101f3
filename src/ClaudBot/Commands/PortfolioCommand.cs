using System.CommandLine;
using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Charts;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Hosting;
using ClaudBot.Portfolio;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot portfolio STRATEGY SYMBOLS FROM TO --max-positions N [--rank strength|momentum(N)] [--size slots|pct:P|amount:A]
/// [--costs ...] [--chart FILE]</c>: one strategy on a universe sharing one account, on this machine (docs/portfolio.md).
/// Prints the account beside an equal-weight buy and hold of the same symbols, and each symbol's contribution. A grid, or
/// several counts (<c>--max-positions 5,10,20</c>), is a portfolio job on the cluster, queued and followed as the chat does.
/// </summary>
internal static class PortfolioCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var strategy = new Argument<string>("strategy") { Description = "A strategy or a rule: rsi, \"rsi(period=10)\", \"buy when ..., sell when ...\"; a grid (\"rsi(period=7..21 step 7)\") runs as a portfolio job on the cluster" };
        var symbols = new Argument<string>("symbols") { Description = "The universe: nifty50, or a comma list RELIANCE,TCS,INFY" };
        var from = new Argument<string>("from") { Description = "First day, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day, YYYY-MM-DD (inclusive)" };
        var maxPositions = new Option<string>("--max-positions") { Description = "Most positions open at once (default 10); several to compare, e.g. 5,10,20 (then a portfolio job on the cluster)", DefaultValueFactory = _ => "10" };
        var rank = new Option<string?>("--rank") { Description = "Who gets a free slot: strength (each strategy's own signal strength, the default) or momentum(N)" };
        var strategyFor = PortfolioOptionSet.StrategyForOption();
        var chart = new Option<string?>("--chart") { Description = "Write the equity chart (portfolio against equal-weight buy and hold) to this PNG file" };
        var command = new Command("portfolio", "Backtest one strategy on a universe sharing one account, with at most N positions (docs/portfolio.md).")
        {
            strategy, symbols, from, to, maxPositions, rank, strategyFor, chart,
        };
        var execution = new ExecutionOptionSet();
        execution.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            int[] counts;
            Dictionary<string, string>? own;
            try
            {
                counts = PortfolioOptionSet.Counts(parse.GetValue(maxPositions)!, "--max-positions");
                own = PortfolioOptionSet.StrategiesFor(parse.GetValue(strategyFor));
            }
            catch (FormatException bad)
            {
                consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(bad.Message)}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            // A grid, or several counts, is many portfolios: a job on the cluster, ranked, as the chat runs it.
            bool job = counts.Length > 1 || IsGrid(parse.GetValue(strategy)!);
            if (job && parse.GetValue(chart) is not null)
            {
                consoles.Error.MarkupLine("[red]Error:[/] --chart draws one portfolio; a portfolio job's summary saves its best setting's chart and says where.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            return job
                ? RunJobAsync(consoles, parse, strategy, symbols, from, to, counts, rank, own, execution, cancellationToken)
                : RunHereAsync(consoles, parse, strategy, symbols, from, to, counts.Length == 1 ? counts[0] : 0, rank, own, chart, execution, cancellationToken);
        });
        return command;
    }

    private static bool IsGrid(string strategy)
    {
        try
        {
            return Engine.Strategies.Parsing.StrategyParser.Parse(strategy).Parameters.Count > 1;
        }
        catch (Engine.Strategies.StrategySpecException)
        {
            return false; // said where it runs, with the rest of the checks
        }
    }

    private static Task<int> RunJobAsync(
        CliConsoles consoles, ParseResult parse, Argument<string> strategy, Argument<string> symbols, Argument<string> from, Argument<string> to, int[] counts, Option<string?> rank, Dictionary<string, string>? own, ExecutionOptionSet execution, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            var choice = execution.Read(parse);
            var request = new Cluster.Jobs.JobRequest(
                parse.GetValue(strategy)!,
                Universe(services.GetRequiredService<Intents.Catalog.IntentCatalog>(), parse.GetValue(symbols)!),
                InputDates.Parse(parse.GetValue(from)!, "from"),
                InputDates.Parse(parse.GetValue(to)!, "to"),
                $"cli:{Environment.UserName}")
            {
                Execution = choice with { Size = null },
                Portfolio = new Cluster.Jobs.PortfolioJobText(counts, parse.GetValue(rank), choice.Size, own).Parse(),
            };
            var summary = await services.GetRequiredService<Chat.TerminalChat>().SubmitAsync(request, ct);
            return summary is null ? ExitCodes.Cancelled : summary.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken);

    private static Task<int> RunHereAsync(
        CliConsoles consoles, ParseResult parse, Argument<string> strategy, Argument<string> symbols, Argument<string> from, Argument<string> to, int maxPositions, Option<string?> rank, Dictionary<string, string>? own, Option<string?> chart, ExecutionOptionSet execution, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(consoles, new Dictionary<string, string?>(), async (services, ct) =>
        {
            var (result, settings, notes) = await services.GetRequiredService<PortfolioRunner>().RunAsync(
                parse.GetValue(strategy)!,
                Universe(services.GetRequiredService<Intents.Catalog.IntentCatalog>(), parse.GetValue(symbols)!),
                InputDates.Parse(parse.GetValue(from)!, "from"),
                InputDates.Parse(parse.GetValue(to)!, "to"),
                maxPositions,
                parse.GetValue(rank),
                execution.Read(parse),
                ct,
                own);
            foreach (string note in notes)
            {
                consoles.Error.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
            }

            consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{result.Strategies.Count} symbols, at most {Cluster.Jobs.PortfolioJobSettings.LaneLabel(maxPositions)}, {result.From:yyyy-MM-dd} to {result.To:yyyy-MM-dd}")));
            foreach (var (symbol, parameters) in settings.PerSymbol.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                consoles.Out.MarkupLine(Markup.Escape($"{symbol} runs its own strategy: {parameters}"));
            }

            consoles.Out.Write(PortfolioTables.Summary(result));
            consoles.Out.Write(PortfolioTables.Contribution(result));
            if (parse.GetValue(chart) is { } file)
            {
                await File.WriteAllBytesAsync(file, Chart(result), ct);
                consoles.Out.MarkupLine($"Chart: {Markup.Escape(Path.GetFullPath(file))}");
            }

            return ExitCodes.Success;
        }, cancellationToken);

    // A named universe of the catalogue (nifty50) is its members, as the chat reads it; anything else a symbol or alias.
    private static List<string> Universe(Intents.Catalog.IntentCatalog catalog, string text) =>
        [.. BacktestCommand.SplitList(text).SelectMany(item => catalog.Aliases.Universes.TryGetValue(item.ToLowerInvariant(), out var members) ? members : [item])];

    private static byte[] Chart(PortfolioResult result)
    {
        var dates = result.Days.Select(d => d.Date).ToArray();
        return EquityChart.RenderPng(new EquityChartRequest(
            string.Create(CultureInfo.InvariantCulture, $"Portfolio of {result.Strategies.Count} symbols vs equal-weight buy & hold"),
            [new EquitySeries("portfolio", dates, [.. result.Days.Select(d => d.Equity)]), new EquitySeries("equal-weight buy & hold", dates, result.Benchmark.Equity) { IsBenchmark = true }]));
    }
}
