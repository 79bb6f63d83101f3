using System.CommandLine;
using System.Globalization;
using ClaudBot.Bench;
using ClaudBot.Hosting;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary><c>claudbot bench import [--symbols N] [--years Y]</c>: time and memory of importing generated files.</summary>
internal static class ImportBenchCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var symbols = new Option<int>("--symbols") { Description = "Generated files, one symbol each", DefaultValueFactory = _ => 1_000 };
        var years = new Option<int>("--years") { Description = "Years of weekday bars per symbol", DefaultValueFactory = _ => 20 };
        var command = new Command("import", "Import generated files (N symbols x Y years) into a temporary store: time and peak memory.") { symbols, years };
        command.SetAction(parse =>
        {
            int count = parse.GetValue(symbols);
            int span = parse.GetValue(years);
            if (count is < 1 or > 10_000 || span is < 1 or > 50)
            {
                consoles.Error.MarkupLine("[red]Error:[/] --symbols must be 1..10,000 and --years 1..50.");
                return ExitCodes.BadInput;
            }

            var figures = ImportBench.Run(consoles, count, span, CancellationToken.None);
            consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {figures.Symbols:N0} {(figures.Symbols == 1 ? "symbol" : "symbols")} x {figures.Years} {(figures.Years == 1 ? "year" : "years")}: {figures.Rows:N0} rows, {Mib(figures.Bytes)} MiB in {figures.Elapsed.TotalSeconds:0.0} s ({figures.Rows / figures.Elapsed.TotalSeconds:N0} rows/s)"));
            consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Memory: working set {Mib(figures.WorkingSetBefore)} MiB before, peak {Mib(figures.PeakWorkingSet)} MiB; GC heap peak {Mib(figures.PeakHeap)} MiB; largest file {Mib(figures.LargestFileBytes)} MiB"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
