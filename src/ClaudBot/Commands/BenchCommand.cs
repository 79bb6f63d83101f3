using System.CommandLine;
using System.Globalization;
using ClaudBot.Bench;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary><c>claudbot bench engine [--bars N] [--seconds S]</c>: prints the engine's speed on this machine.</summary>
internal static class BenchCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var bars = new Option<int>("--bars") { Description = "Bars per backtest", DefaultValueFactory = _ => 5_000 };
        var seconds = new Option<double>("--seconds") { Description = "Seconds of timing per strategy", DefaultValueFactory = _ => 0.5 };
        var engine = new Command("engine", "Backtests per second and bars per second per core, for each strategy, on in-memory data.") { bars, seconds };
        engine.SetAction(async (parse, cancellationToken) =>
        {
            int count = parse.GetValue(bars);
            double duration = parse.GetValue(seconds);
            if (count is < 2 or > 10_000_000 || duration is <= 0 or > 600)
            {
                consoles.Error.MarkupLine("[red]Error:[/] --bars must be 2..10,000,000 and --seconds 0..600.");
                return ExitCodes.BadInput;
            }

            if (IsDebugBuild())
            {
                consoles.Error.MarkupLine("[yellow]Note:[/] this is a Debug build; for real figures run with -c Release.");
            }

            var table = new Table().RoundedBorder()
                .Title($"[bold]Engine[/] [grey]({count:N0} bars per backtest, one thread, all metrics)[/]")
                .AddColumn("Strategy")
                .AddColumn(new TableColumn("µs / backtest").RightAligned())
                .AddColumn(new TableColumn("backtests / s").RightAligned())
                .AddColumn(new TableColumn("M bars / s / core").RightAligned())
                .AddColumn(new TableColumn("bytes / backtest").RightAligned());
            foreach (var figures in EngineBench.Run(count, TimeSpan.FromSeconds(duration), cancellationToken))
            {
                table.AddRow(
                    figures.Strategy,
                    figures.MicrosecondsPerBacktest.ToString("0.00", CultureInfo.InvariantCulture),
                    figures.BacktestsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    (figures.BarsPerSecond / 1e6).ToString("0", CultureInfo.InvariantCulture),
                    figures.BytesPerBacktest.ToString("0", CultureInfo.InvariantCulture));
            }

            consoles.Out.Write(table);
            await WriteDataLoadAsync(consoles, TimeSpan.FromSeconds(duration), cancellationToken);
            return ExitCodes.Success;
        });

        var evaluation = new Option<string?>("--eval") { Description = $"Folder of the evaluation splits (default: {EvaluationFile.DefaultFolder}, found from the current folder)" };
        var split = new Option<string>("--split") { Description = "The split to score the tiers on", DefaultValueFactory = _ => "test" };
        var sweep = new Option<bool>("--sweep") { Description = "Also print accuracy for each pair of the semantic tier's cut-offs (for calibrating on the dev split)" };
        var intents = new Command("intents", "Catalogue load time and match latency per phrase (p50, p99); accuracy, confusions and latency per tier on an evaluation split.")
        {
            seconds, evaluation, split, sweep,
        };
        intents.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, new Dictionary<string, string?>(), async (services, ct) =>
        {
            var file = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Intents.IntentOptions>>().Value.ResolveCatalogFile();
            var (loadMs, p50, p99, max, calls) = IntentBench.Run(file, services.GetRequiredService<MarketData.IMarketData>(), TimeSpan.FromSeconds(parse.GetValue(seconds)));
            consoles.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Catalogue load: {loadMs:0.0} ms"));
            consoles.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Match latency over {calls:N0} calls ({IntentBench.Phrases.Length} phrases): p50 {p50:0.0} µs, p99 {p99:0.0} µs, max {max:0.0} µs"));
            string? folder = parse.GetValue(evaluation) ?? EvaluationFile.FindFolder(Directory.GetCurrentDirectory());
            string? splitFile = folder is null ? null : Path.Combine(folder, parse.GetValue(split) + ".tsv");
            if (splitFile is null || !File.Exists(splitFile))
            {
                consoles.Out.MarkupLine($"[yellow]No evaluation split at {Markup.Escape(splitFile ?? EvaluationFile.DefaultFolder)}: accuracy per tier skipped.[/]");
                return ExitCodes.Success;
            }

            await IntentTierReport.WriteAsync(consoles.Out, services, EvaluationFile.Read(splitFile), Path.GetFileName(splitFile), parse.GetValue(sweep), ct);
            return ExitCodes.Success;
        }, cancellationToken));

        var requests = new Option<int>("--requests") { Description = "Requests timed per kind", DefaultValueFactory = _ => 300 };
        var bot = new Command("bot", "Reply latency of 'monitor cluster' and of a submit's acknowledgement on the local target, and time to the chat's first prompt.") { requests };
        bot.SetAction(async (parse, cancellationToken) =>
        {
            int count = parse.GetValue(requests);
            if (count is < 20 or > 100_000)
            {
                consoles.Error.MarkupLine("[red]Error:[/] --requests must be 20..100,000.");
                return ExitCodes.BadInput;
            }

            var (monitor, submit) = await BotBench.RepliesAsync(consoles, count, cancellationToken);
            var table = new Table().RoundedBorder().Title($"[bold]Bot replies[/] [grey](local target, {count:N0} each, ms)[/]")
                .AddColumn("Request").AddColumn(new TableColumn("p50").RightAligned()).AddColumn(new TableColumn("p95").RightAligned())
                .AddColumn(new TableColumn("p99").RightAligned()).AddColumn(new TableColumn("max").RightAligned());
            foreach (var (name, latency) in new[] { ("monitor cluster", monitor), ("submit (acknowledgement)", submit) })
            {
                table.AddRow(name, Millis(latency.P50), Millis(latency.P95), Millis(latency.P99), Millis(latency.Max));
            }

            consoles.Out.Write(table);
            var starts = new List<double>();
            for (int i = 0; i < 5; i++)
            {
                starts.Add(await BotBench.TimeToPromptAsync(cancellationToken));
            }

            consoles.Out.MarkupLine($"Start to first prompt of 'claudbot chat' (5 runs, ms): {string.Join(", ", starts.Select(Millis))}; median {Millis(starts.Order().ElementAt(2))}");
            return ExitCodes.Success;
        });

        return new Command("bench", "Measure ClaudBot's speed on this machine.") { engine, intents, bot, ImportBenchCommand.Create(consoles) };
    }

    private static async Task WriteDataLoadAsync(CliConsoles consoles, TimeSpan duration, CancellationToken cancellationToken)
    {
        string csv = Path.Combine(AppContext.BaseDirectory, "data", "RELIANCE.csv");
        if (!File.Exists(csv))
        {
            consoles.Error.MarkupLine("[yellow]Note:[/] bundled data not found; load times skipped.");
            return;
        }

        var figures = await DataLoadBench.RunAsync(csv, duration, cancellationToken);
        var table = new Table().RoundedBorder()
            .Title($"[bold]Data load[/] [grey]({figures.Symbol}, {figures.Bars:N0} bars)[/]")
            .AddColumn("Load")
            .AddColumn(new TableColumn("µs").RightAligned())
            .AddRow("cold: parse the CSV", Micros(figures.CsvParseMicroseconds))
            .AddRow("cached: binary cache, fresh store", Micros(figures.BinaryCacheMicroseconds))
            .AddRow("repeat: same store, in memory", Micros(figures.InMemoryMicroseconds));
        consoles.Out.Write(table);
    }

    private static bool IsDebugBuild() =>
        typeof(Engine.Backtester).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled);

    private static string Millis(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Micros(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
