using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Strategies;
using ClaudBot.Hosting;
using ClaudBot.Hosting.Strategies;
using ClaudBot.Output.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot strategies [--json]</c>: the built-ins (what they do, their parameters, their rule) and the rules saved
/// under a name; <c>strategies add NAME "RULE"</c> and <c>strategies remove NAME</c> keep the saved ones.
/// </summary>
internal static class StrategiesCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var json = new Option<bool>("--json") { Description = "Print the strategies and their parameters as JSON" };
        var command = new Command("strategies", "List the built-in strategies and your saved rules.") { json, Add(consoles), Remove(consoles) };
        command.SetAction((parse, cancellationToken) => Run(consoles, services =>
        {
            var saved = services.GetRequiredService<SavedRuleFiles>().List();
            if (parse.GetValue(json))
            {
                consoles.Raw.WriteLine(JsonSerializer.Serialize(StrategiesDocument.From(StrategyCatalog.All, saved), CliJson.Relaxed.StrategiesDocument));
                return ExitCodes.Success;
            }

            consoles.Out.Write(BuiltInTable());
            consoles.Out.MarkupLine("Grids: [grey]rsi(period=7..21 step 7, lower=25|30)[/] runs every combination.");
            WriteSaved(consoles, saved, services.GetRequiredService<SavedRuleFiles>().Directory);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Add(CliConsoles consoles)
    {
        var name = new Argument<string>("name") { Description = "The name to run it by, e.g. rsi2 (lower-case letters, digits, _)" };
        var rule = new Argument<string>("rule") { Description = "The rule, quoted: \"buy when rsi(2) < 10, sell when rsi(2) > 70\"" };
        var command = new Command("add", "Save a rule under a name (replacing one saved under it before).") { name, rule };
        command.SetAction((parse, cancellationToken) => Run(consoles, services =>
        {
            var (saved, replaced) = services.GetRequiredService<SavedRuleFiles>().Save(parse.GetValue(name)!, parse.GetValue(rule)!);
            consoles.Out.MarkupLine($"{(replaced ? "Replaced" : "Saved")} [bold]{saved.Name}[/]: {Markup.Escape(saved.Rule)}");
            consoles.Out.MarkupLine($"[grey]Run it by name, e.g. claudbot backtest {saved.Name} TCS 2022-01-01 2024-12-31[/]");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliConsoles consoles)
    {
        var name = new Argument<string>("name") { Description = "The saved rule's name" };
        var command = new Command("remove", "Delete a saved rule.") { name };
        command.SetAction((parse, cancellationToken) => Run(consoles, services =>
        {
            string key = parse.GetValue(name)!;
            if (services.GetRequiredService<SavedRuleFiles>().Remove(key))
            {
                consoles.Out.MarkupLine($"Removed [bold]{Markup.Escape(key.Trim().ToLowerInvariant())}[/].");
                return ExitCodes.Success;
            }

            consoles.Error.MarkupLine($"[red]Error:[/] no rule is saved as '{Markup.Escape(Engine.Text.UserText.Excerpt(key))}' (see claudbot strategies).");
            return ExitCodes.BadInput;
        }, cancellationToken));
        return command;
    }

    private static Task<int> Run(CliConsoles consoles, Func<IServiceProvider, int> work, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(consoles, new Dictionary<string, string?>(), (services, _) => Task.FromResult(work(services)), cancellationToken);

    private static Table BuiltInTable()
    {
        var table = new Table().RoundedBorder().AddColumn("Strategy").AddColumn("What it does, and as a rule (at its defaults)").AddColumn("Parameters (default, range)");
        foreach (var definition in StrategyCatalog.All)
        {
            string parameters = definition.Parameters.Count == 0
                ? "-"
                : string.Join("\n", definition.Parameters.Select(p =>
                    string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Default} ({p.Min}..{p.Max}): {p.Description}")));
            string rule = BuiltinRules.TextFor(definition.Defaults);
            table.AddRow(definition.Name, $"{Markup.Escape(definition.Description)}\n[grey]{Markup.Escape(rule)}[/]", Markup.Escape(parameters));
        }

        return table;
    }

    private static void WriteSaved(CliConsoles consoles, IReadOnlyList<SavedRule> saved, string folder)
    {
        consoles.Out.MarkupLine("Your own: [grey]\"buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70\"[/] runs as a strategy anywhere one is named.");
        if (saved.Count == 0)
        {
            consoles.Out.MarkupLine("Saved rules: none yet ([grey]claudbot strategies add NAME \"RULE\"[/], or 'save it as NAME' in a chat).");
            return;
        }

        var table = new Table().RoundedBorder().AddColumn("Saved rule").AddColumn("Rule").Caption(Markup.Escape($"in {folder}"));
        foreach (var rule in saved)
        {
            table.AddRow(Markup.Escape(rule.Name), rule.Error is null ? Markup.Escape(rule.Rule) : $"[red]{Markup.Escape(rule.Error)}[/]");
        }

        consoles.Out.Write(table);
    }
}
