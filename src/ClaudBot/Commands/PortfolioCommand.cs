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
/// Prints the account beside an equal-weight buy and hold of the same symbols, and each symbol's contribution.
/// </summary>
internal static class PortfolioCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var strategy = new Argument<string>("strategy") { Description = "One strategy with one value per parameter, or a rule: rsi, \"rsi(period=10)\", \"buy when ..., sell when ...\"" };
        var symbols = new Argument<string>("symbols") { Description = "The universe: nifty50, or a comma list RELIANCE,TCS,INFY" };
        var from = new Argument<string>("from") { Description = "First day, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day, YYYY-MM-DD (inclusive)" };
        var maxPositions = new Option<int>("--max-positions") { Description = "Most positions open at once (default 10)", DefaultValueFactory = _ => 10 };
        var rank = new Option<string?>("--rank") { Description = "Who gets a free slot: strength (each strategy's own signal strength, the default) or momentum(N)" };
        var chart = new Option<string?>("--chart") { Description = "Write the equity chart (portfolio against equal-weight buy and hold) to this PNG file" };
        var command = new Command("portfolio", "Backtest one strategy on a universe sharing one account, with at most N positions (docs/portfolio.md).")
        {
            strategy, symbols, from, to, maxPositions, rank, chart,
        };
        var execution = new ExecutionOptionSet();
        execution.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, new Dictionary<string, string?>(), async (services, ct) =>
        {
            var (result, _, notes) = await services.GetRequiredService<PortfolioRunner>().RunAsync(
                parse.GetValue(strategy)!,
                Universe(services.GetRequiredService<Intents.Catalog.IntentCatalog>(), parse.GetValue(symbols)!),
                InputDates.Parse(parse.GetValue(from)!, "from"),
                InputDates.Parse(parse.GetValue(to)!, "to"),
                parse.GetValue(maxPositions),
                parse.GetValue(rank),
                execution.Read(parse),
                ct);
            foreach (string note in notes)
            {
                consoles.Error.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
            }

            consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{result.Strategies.Count} symbols, at most {parse.GetValue(maxPositions)} positions, {result.From:yyyy-MM-dd} to {result.To:yyyy-MM-dd}")));
            consoles.Out.Write(PortfolioTables.Summary(result));
            consoles.Out.Write(PortfolioTables.Contribution(result));
            if (parse.GetValue(chart) is { } file)
            {
                await File.WriteAllBytesAsync(file, Chart(result), ct);
                consoles.Out.MarkupLine($"Chart: {Markup.Escape(Path.GetFullPath(file))}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

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
