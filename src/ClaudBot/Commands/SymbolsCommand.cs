using System.CommandLine;
using System.Text.Json;
using ClaudBot.MarketData;
using ClaudBot.Output.Json;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary><c>claudbot symbols [--data DIR] [--json]</c>: the symbols the data folder holds.</summary>
internal static class SymbolsCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var data = new Option<string?>("--data") { Description = "Folder of daily CSV files (default: the bundled data)" };
        var json = new Option<bool>("--json") { Description = "Print {\"symbols\": [...]} instead of a line" };
        var command = new Command("symbols", "List the symbols in the data folder.") { data, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(data) is { } folder)
            {
                overrides["MarketData:Directory"] = Path.GetFullPath(folder);
            }

            return CommandRunner.RunAsync(consoles, overrides, (services, _) =>
            {
                var symbols = services.GetRequiredService<IMarketData>().Symbols;
                if (parse.GetValue(json))
                {
                    consoles.Raw.WriteLine(JsonSerializer.Serialize(new SymbolsDocument(symbols), CliJson.Relaxed.SymbolsDocument));
                }
                else
                {
                    consoles.Out.WriteLine($"{symbols.Count} symbols: {string.Join(", ", symbols)}");
                }

                return Task.FromResult(ExitCodes.Success);
            }, cancellationToken);
        });
        return command;
    }
}
