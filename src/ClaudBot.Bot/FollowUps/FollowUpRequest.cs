using System.Text.RegularExpressions;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Bot.FollowUps;

/// <summary>
/// A follow-up made whole: the chat's last request with only what the follow-up said changed, as a reading of the intent
/// it ran as (so it runs exactly as a typed backtest, walk-forward or portfolio), and the line that says what will run.
/// </summary>
/// <param name="Submit">The full request; null when <see cref="Error"/> says why it cannot be made.</param>
/// <param name="Echo">"Same as before with INFY: rsi on INFY, 2023-01-23 to 2026-01-23."</param>
public sealed partial record FollowUpRequest(IntentMatch? Submit, string Echo, string? Error)
{
    /// <summary>The intent a follow-up of a plain backtest runs as (a walk-forward or a portfolio runs as itself).</summary>
    public const string SubmitIntent = "submit_cluster_job";

    /// <summary>Applies what <paramref name="said"/> (a <c>follow_up</c> reading) changes to <paramref name="last"/>.</summary>
    public static FollowUpRequest Build(LastRequest last, IntentMatch said, CatalogAliases aliases)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(said);
        ArgumentNullException.ThrowIfNull(aliases);
        var changes = new List<string>();
        var strategies = said.Slots.GetValueOrDefault("strategies");
        if (strategies is not null)
        {
            changes.Add(strategies.StrategyText!);
        }

        strategies ??= last.Strategies;
        if (said.Slots.GetValueOrDefault("parameters")?.Parameters is { Count: > 0 } settings)
        {
            if (WithParameters(strategies, settings, out string? error) is not { } changed)
            {
                return new FollowUpRequest(null, string.Empty, error);
            }

            strategies = changed;
            changes.Add(string.Join(", ", settings.Select(s => $"{s.Name}={s.Value}")));
        }

        var symbols = Changed(said, "symbols", last.Symbols, s => SymbolText.Describe(s.Symbols!, aliases), changes);
        var period = Changed(said, "period", last.Period, s => PeriodParser.Describe(s.Period!.Value), changes);
        var execution = WithExecution(last.Execution, said.Slots.GetValueOrDefault("execution"), changes);
        var slots = new Dictionary<string, SlotValue>(last.Settings, StringComparer.Ordinal)
        {
            ["strategies"] = strategies,
            ["symbols"] = symbols,
            ["period"] = period,
        };
        if (execution is not null)
        {
            slots["execution"] = execution;
        }

        var submit = new IntentMatch(last.Intent, said.Confidence, said.Source, slots, [], [], []) { Notes = said.Notes };
        string request = $"{strategies.StrategyText} on {SymbolText.Describe(symbols.Symbols!, aliases)}, {PeriodParser.Describe(period.Period!.Value)}";
        string same = $"Same {Kind(last.Intent)}as before";
        string echo = changes.Count == 0 ? $"{same}: {request}." : $"{same} with {string.Join(", ", changes)}: {request}.";
        return new FollowUpRequest(submit, echo, null);
    }

    // A walk-forward or a portfolio is repeated as one, and the echo says so (its own settings kept as they were).
    private static string Kind(string intent) => intent switch
    {
        "walk_forward" => "walk-forward ",
        "portfolio_backtest" => "portfolio ",
        _ => string.Empty,
    };

    private static SlotValue Changed(IntentMatch said, string name, SlotValue last, Func<SlotValue, string> describe, List<string> changes)
    {
        if (said.Slots.GetValueOrDefault(name) is not { } value)
        {
            return last;
        }

        changes.Add(describe(value));
        return value;
    }

    // "and with period 10": the engine writes the setting into every strategy that has that parameter, as --param does.
    private static SlotValue? WithParameters(SlotValue strategies, IReadOnlyList<(string Name, string Value)> settings, out string? error)
    {
        error = null;
        string text = strategies.StrategyText!;
        if (strategies.Rule is not null)
        {
            error = $"The last request ran a written rule ({text}): its numbers are written in it, so say the rule again with the new ones.";
            return null;
        }

        try
        {
            string changed = StrategyParser.ApplyParameters(text, settings);
            return strategies with { Text = changed, StrategyText = changed, Strategies = StrategyParser.Parse(changed).Parameters };
        }
        catch (StrategySpecException refused)
        {
            error = $"{refused.Message} {Takes(text)}";
            return null;
        }
    }

    // "macd takes fast, slow, signal; every strategy also takes stop, target, trail."
    private static string Takes(string text)
    {
        var definitions = StrategyParser.ParseRequests(text).Select(r => r.Definition).Distinct();
        string each = string.Join("; ", definitions.Select(d => d.Parameters.Count == 0 ? $"{d.Name} takes none" : $"{d.Name} takes {string.Join(", ", d.Parameters.Select(p => p.Name))}"));
        return $"{each}; every strategy also takes {string.Join(", ", ExitRules.Names)}.";
    }

    // Costs said now replace only the parts they name: "and with 10 bps slippage" keeps the last request's costs model.
    private static SlotValue? WithExecution(SlotValue? last, SlotValue? said, List<string> changes)
    {
        if (said?.Execution is not { } now)
        {
            return last;
        }

        changes.Add(Label().Replace(said.Text, string.Empty));
        if (last?.Execution is not { } before)
        {
            return said;
        }

        var exits = new ExitRules(now.Exits.Stop ?? before.Exits.Stop, now.Exits.Target ?? before.Exits.Target, now.Exits.Trail ?? before.Exits.Trail);
        var merged = new ExecutionPhrase(now.Costs ?? before.Costs, now.SlippageBps ?? before.SlippageBps, now.Size ?? before.Size, now.WholeShares ?? before.WholeShares) { Exits = exits };
        return said with { Execution = merged };
    }

    // The words that introduce costs ("with 10 bps slippage", "at 5 bps"), dropped where the echo says "with" itself.
    [GeneratedRegex(@"^\s*(?:(?:and|with|at|using)\s+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
