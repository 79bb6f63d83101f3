using System.CommandLine;
using ClaudBot.MarketData.Update;
using ClaudBot.UserData;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot data update [SYMBOL...] [--source yahoo|nse] [--from DATE] [--to DATE]</c>: fetches the days each symbol
/// lacks from the web into the user's store, with a progress bar on a terminal and a report at the end.
/// </summary>
internal static class DataUpdateCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var symbols = new Argument<string[]>("SYMBOL") { Description = "Symbols or aliases to update (default: every symbol in the data)", Arity = ArgumentArity.ZeroOrMore };
        var source = new Option<UpdateSource>("--source") { Description = "Where from: yahoo (one request per symbol) or nse (NSE's daily bhavcopies; stocks only)", DefaultValueFactory = _ => UpdateSource.Yahoo };
        var from = new Option<DateOnly?>("--from") { Description = "Also fetch from this day where a symbol starts later (needed for a symbol not in the data)" };
        var to = new Option<DateOnly?>("--to") { Description = "The last day to fetch (default: the last settled session in India)" };
        var folders = new DataFolderOptions();
        var command = new Command("update", "Fetch the days your data lacks from Yahoo or NSE (resumes where a cut-short run stopped).") { symbols, source, from, to };
        folders.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, folders.Overrides(parse), async (services, token) =>
        {
            var request = new UpdateRequest(parse.GetValue(symbols) ?? [], parse.GetValue(source), parse.GetValue(from), parse.GetValue(to));
            var updater = services.GetRequiredService<MarketDataUpdater>();
            var report = await RunAsync(consoles, updater, request, token);
            UpdateReportWriter.Write(consoles, report);
            return UpdateReportWriter.ExitCode(report);
        }, cancellationToken));
        return command;
    }

    private static async Task<UpdateReport> RunAsync(CliConsoles consoles, MarketDataUpdater updater, UpdateRequest request, CancellationToken cancellationToken)
    {
        if (!consoles.Out.Profile.Capabilities.Interactive)
        {
            return await updater.RunAsync(request, null, cancellationToken);
        }

        UpdateReport? report = null;
        await consoles.Out.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Updating", maxValue: 1);
            var progress = new Progress<UpdateProgress>(p =>
            {
                task.MaxValue = Math.Max(p.Total, 1);
                task.Value = p.Done;
                task.Description = Markup.Escape(p.Current.Length == 0 ? "Updating" : p.Current);
            });
            report = await updater.RunAsync(request, progress, cancellationToken);
        });
        return report!;
    }
}
