using System.CommandLine;
using System.Globalization;
using ClaudBot.Engine.Strategies;
using ClaudBot.Hosting;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary><c>claudbot strategies</c>: each strategy, what it does, its parameters and defaults.</summary>
internal static class StrategiesCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("strategies", "List the strategies and their parameters.");
        command.SetAction(_ =>
        {
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
