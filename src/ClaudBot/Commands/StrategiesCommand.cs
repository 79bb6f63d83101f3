using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine.Strategies;
using ClaudBot.Hosting;
using ClaudBot.Output.Json;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary><c>claudbot strategies [--json]</c>: each strategy, what it does, its parameters and defaults.</summary>
internal static class StrategiesCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var json = new Option<bool>("--json") { Description = "Print the strategies and their parameters as JSON" };
        var command = new Command("strategies", "List the strategies and their parameters.") { json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                consoles.Raw.WriteLine(JsonSerializer.Serialize(StrategiesDocument.From(StrategyCatalog.All), CliJson.Relaxed.StrategiesDocument));
                return ExitCodes.Success;
            }

            var table = new Table().RoundedBorder().AddColumn("Strategy").AddColumn("Rule").AddColumn("Parameters (default, range)");
            foreach (var definition in StrategyCatalog.All)
            {
                string parameters = definition.Parameters.Count == 0
                    ? "-"
                    : string.Join("\n", definition.Parameters.Select(p =>
                        string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Default} ({p.Min}..{p.Max}): {p.Description}")));
                table.AddRow(definition.Name, Markup.Escape(definition.Description), Markup.Escape(parameters));
            }

            consoles.Out.Write(table);
            consoles.Out.MarkupLine("Grids: [grey]rsi(period=7..21 step 7, lower=25|30)[/] runs every combination.");
            return ExitCodes.Success;
        });
        return command;
    }
}
