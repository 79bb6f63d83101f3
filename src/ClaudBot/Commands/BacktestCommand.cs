using System.CommandLine;
using ClaudBot.Backtesting;
using ClaudBot.Hosting;
using ClaudBot.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary><c>claudbot backtest STRATEGIES SYMBOLS FROM TO [--costs NAME | --cost-bps N] [--slippage-bps N] [--size S] [--whole-shares | --fractional] [--json] [--data DIR] [--lenient]</c>.</summary>
internal static class BacktestCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var strategies = new Argument<string>("strategies")
        {
            Description = "Comma list of strategies, with parameters or grids: rsi,macd or rsi(period=10, lower=25) or rsi(period=7..21 step 7)",
        };
        var symbols = new Argument<string>("symbols") { Description = "Comma list of symbols: RELIANCE,TCS,HDFC,INFY (see `claudbot symbols`)" };
        var from = new Argument<string>("from") { Description = "First day, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day, YYYY-MM-DD (inclusive)" };
        var cost = new Option<double?>("--cost-bps") { Description = "Cost per side in basis points (default from appsettings.json: Backtest:CostBps)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var equity = new Option<bool>("--equity") { Description = "With --json, include each result's daily equity curve" };
        var data = new Option<string?>("--data") { Description = "Folder of daily CSV files (default: the bundled data)" };
        var lenient = new Option<bool>("--lenient") { Description = "Skip bad CSV rows (counted in a warning) instead of failing" };

        var command = new Command("backtest", "Backtest strategies on symbols over a date range.")
        {
            strategies, symbols, from, to, cost, json, equity, data, lenient,
        };
        var execution = new ExecutionOptionSet();
        execution.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(data) is { } folder)
            {
                overrides["MarketData:Directory"] = Path.GetFullPath(folder);
            }

            return CommandRunner.RunAsync(consoles, overrides, async (services, ct) =>
            {
                var request = new BacktestRequest(
                    parse.GetValue(strategies)!,
                    SplitList(parse.GetValue(symbols)!),
                    InputDates.Parse(parse.GetValue(from)!, "from"),
                    InputDates.Parse(parse.GetValue(to)!, "to"))
                {
                    CostBps = parse.GetValue(cost),
                    Execution = execution.Read(parse),
                    Lenient = parse.GetValue(lenient) ? true : null,
                    IncludeEquity = parse.GetValue(equity),
                };
                var run = await services.GetRequiredService<BacktestService>().StartAsync(request, ct);
                Write(consoles, run, parse.GetValue(json), ct);
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static void Write(CliConsoles consoles, BacktestRun run, bool json, CancellationToken cancellationToken)
    {
        foreach (string note in run.Notes)
        {
            consoles.Error.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
        }

        if (json)
        {
            BacktestJson.Write(consoles.Raw, run, cancellationToken);
        }
        else
        {
            // The table shows metrics only: trades and equity curves are let go as each row is made.
            var rows = run.Results(cancellationToken).Select(r => r with { Trades = [], Equity = null }).ToList();
            consoles.Out.Write(BacktestTable.Render(new BacktestReport(rows, run.Notes, run.CostBps, run.InitialCapital) { Settings = run.Settings }));
            foreach (string note in ResultNotes.Lines(rows))
            {
                consoles.Error.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
            }
        }
    }

    internal static IReadOnlyList<string> SplitList(string text) =>
        [.. text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
