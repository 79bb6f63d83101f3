using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClaudBot.Hosting;
using ClaudBot.MarketData;
using ClaudBot.MarketData.Import;
using ClaudBot.Output.Json;
using ClaudBot.UserData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot data [--json]</c>: every symbol with its first and last date, bar count, source (bundled, or where the
/// user's rows came from) and last update; the verbs (<c>import</c>, <c>push</c>) manage the user's own data.
/// </summary>
internal static class DataCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var json = new Option<bool>("--json") { Description = "Print {\"symbols\": [...]} instead of a table" };
        var folders = new DataFolderOptions();
        var command = new Command("data", "List the market data: each symbol's dates, bars, source and last update.") { json };
        folders.AddTo(command);
        command.Subcommands.Add(DataImportCommand.Create(consoles));
        command.Subcommands.Add(DataUpdateCommand.Create(consoles));
        command.Subcommands.Add(DataPushCommand.Create(consoles));
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, folders.Overrides(parse), async (services, token) =>
        {
            string? directory = services.GetRequiredService<IOptions<MarketDataOptions>>().Value.ResolveUserDirectory();
            var store = directory is null ? null : new UserBarStore(directory);
            var rows = await DataRows.ListAsync(services.GetRequiredService<IMarketData>(), store, token);
            if (parse.GetValue(json))
            {
                consoles.Raw.WriteLine(JsonSerializer.Serialize(new DataDocument([.. rows.Select(ToJson)]), CliJson.Relaxed.DataDocument));
            }
            else
            {
                consoles.Out.Write(Table(rows, directory));
            }

            foreach (var row in rows.Where(r => r.Problem is not null))
            {
                consoles.Error.MarkupLine($"[yellow]Note:[/] {Markup.Escape(row.Problem!)}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Table Table(IReadOnlyList<DataRow> rows, string? directory)
    {
        var table = new Table().RoundedBorder()
            .Title($"[bold]{rows.Count} symbols[/]" + (directory is null ? string.Empty : $" [grey](yours in {Markup.Escape(directory)})[/]"))
            .AddColumn("Symbol").AddColumn("First").AddColumn("Last").AddColumn(new TableColumn("Bars").RightAligned())
            .AddColumn("Source").AddColumn("Updated");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Symbol),
                Day(row.First),
                Day(row.Last),
                row.Problem is null ? row.Bars.ToString("N0", CultureInfo.InvariantCulture) : "[red]unreadable[/]",
                Markup.Escape(row.Source),
                row.Updated is { } updated ? updated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty);
        }

        return table;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static DataDocumentSymbol ToJson(DataRow row) => new(
        row.Symbol,
        row.First?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.Bars,
        row.Source,
        row.Updated,
        row.Problem);
}
