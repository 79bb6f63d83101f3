using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.MarketData;
using ClaudBot.MarketData.Import;
using ClaudBot.UserData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot data import PATH... [--symbol S] [--format F] [--replace]</c>: merges price files into the user's store in the
/// home folder, with a report at the end. A file that fails is reported and the others go on.
/// </summary>
internal static class DataImportCommand
{
    // Fewer files than this finish before a progress bar would be seen.
    private const int ProgressFromFiles = 4;

    public static Command Create(CliConsoles consoles)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Price files: Yahoo, Kite, NSE bhavcopy or any CSV with date and OHLC columns", Arity = ArgumentArity.OneOrMore };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol of a one-symbol file (default: from the file's name)" };
        var format = new Option<ImportFormat>("--format") { Description = "Layout of the files (default: detected)", DefaultValueFactory = _ => ImportFormat.Auto };
        var replace = new Option<bool>("--replace") { Description = "Take the imported row where a stored date's prices differ" };
        var folders = new DataFolderOptions();
        var command = new Command("import", "Import price files into your own data (the bundled data is never edited).") { paths, symbol, format, replace };
        folders.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, folders.Overrides(parse), (services, token) =>
        {
            string directory = services.GetRequiredService<IOptions<MarketDataOptions>>().Value.ResolveUserDirectory()
                ?? throw new MarketDataException("No folder for your own data is set (MarketData:UserDirectory).");
            var importer = new FileImporter(
                new UserBarStore(directory, services.GetRequiredService<TimeProvider>()),
                services.GetRequiredService<IMarketData>(),
                parse.GetValue(format),
                parse.GetValue(symbol),
                parse.GetValue(replace));
            string[] files = parse.GetValue(paths) ?? [];
            var report = new ImportReport { FileCount = files.Length };
            Run(consoles, files, importer, report, token);
            report.Write(consoles);
            return Task.FromResult(report.HasFailures ? ExitCodes.BadInput : ExitCodes.Success);
        }, cancellationToken));
        return command;
    }

    /// <summary>Imports the files in order, with a progress bar when there are several and the console is a terminal.</summary>
    internal static void Run(CliConsoles consoles, string[] files, FileImporter importer, ImportReport report, CancellationToken cancellationToken)
    {
        if (files.Length < ProgressFromFiles || !consoles.Out.Profile.Capabilities.Interactive)
        {
            foreach (string file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                importer.Import(file, report);
            }

            return;
        }

        consoles.Out.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("Importing", maxValue: files.Length);
            foreach (string file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                task.Description = Markup.Escape(Path.GetFileName(file));
                importer.Import(file, report);
                task.Increment(1);
            }
        });
    }
}
