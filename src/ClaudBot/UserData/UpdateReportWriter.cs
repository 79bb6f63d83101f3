using System.Globalization;
using ClaudBot.Hosting;
using ClaudBot.MarketData.Update;
using Spectre.Console;

namespace ClaudBot.UserData;

/// <summary>
/// Prints what <c>claudbot data update</c> did: a total line, a line per symbol that got rows, problems as errors, and the
/// line saying why a run stopped early; and the exit code that goes with it.
/// </summary>
internal static class UpdateReportWriter
{
    public static void Write(CliConsoles consoles, UpdateReport report)
    {
        // Stopped before anything was stored (offline): the one line that says why is the whole report.
        if (report.Stopped is { } offline && report.Added == 0 && !report.HasProblems)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(offline)}");
            return;
        }

        consoles.Out.WriteLine(UpdateSummary.Of(report));
        foreach (var symbol in report.Symbols.Where(s => s.Added > 0))
        {
            consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {symbol.Symbol}: {symbol.Added:N0} added; {symbol.First:yyyy-MM-dd} to {symbol.Last:yyyy-MM-dd}"));
        }

        foreach (var symbol in report.Symbols.Where(s => s.Problem is not null))
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(symbol.Problem!)}");
        }

        if (report.Stopped is { } stopped)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(stopped)}");
        }
    }

    public static int ExitCode(UpdateReport report) =>
        report.Stopped is not null ? ExitCodes.Failed : report.HasProblems ? ExitCodes.BadInput : ExitCodes.Success;
}
