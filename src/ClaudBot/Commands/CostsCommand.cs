using System.CommandLine;
using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Costs;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary><c>claudbot costs</c>: the cost models, each with its charges (as percentages, as the files write them), date, source and file.</summary>
internal static class CostsCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("costs", "List the cost models (--costs NAME): bps:N, the bundled ones and yours.");
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, new Dictionary<string, string?>(), (services, _) =>
        {
            var models = CostModels.From(services.GetRequiredService<IOptions<BacktestOptions>>().Value);
            consoles.Out.WriteLine("bps:N  N basis points of the traded value on each side (N from 0 to below 10000); fractional shares");
            foreach (var entry in models.List())
            {
                consoles.Out.WriteLine();
                if (entry.Model is not { } m)
                {
                    consoles.Out.MarkupLine($"{Markup.Escape(entry.Name)}  [red]cannot be used:[/] {Markup.Escape(entry.Error!)}");
                    continue;
                }

                consoles.Out.WriteLine($"{entry.Name}  {entry.Description}");
                consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  brokerage min(Rs {m.BrokerageFlat:0.##}, {m.BrokeragePercent * 100:0.#####}%) · STT {m.SttBuy * 100:0.#####}% buy, {m.SttSell * 100:0.#####}% sell · exchange {m.Exchange * 100:0.#####}%"));
                consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  SEBI Rs {m.SebiPerCrore:0.##}/crore · stamp {m.StampBuy * 100:0.#####}% on buys · GST {m.Gst * 100:0.##}% · DP Rs {m.DpPerSell:0.##} per sell · {(m.WholeSharesByDefault ? "whole shares" : "fractional shares")}"));
                consoles.Out.WriteLine($"  effective {m.EffectiveDate:yyyy-MM-dd} · {m.Source}");
                consoles.Out.WriteLine($"  {entry.Path}");
            }

            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));
        return command;
    }
}
