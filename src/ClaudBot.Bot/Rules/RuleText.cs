using System.Globalization;
using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.Rules;

/// <summary>How the bot shows a written rule before running or saving it.</summary>
public static class RuleText
{
    /// <summary>
    /// <c>Rule: buy when rsi(2) &lt; 10, sell when rsi(2) &gt; 70</c>, and for a grid the number of rules it runs:
    /// <c>Rule: buy when rsi(2|4|6) &lt; 5|10, sell when rsi(2) &gt; 70 (6 combinations)</c>. Null when the slot holds no rule.
    /// </summary>
    public static string? Echo(SlotValue? strategies)
    {
        if (strategies?.Rule is null)
        {
            return null;
        }

        int combinations = strategies.Strategies?.Count ?? 1;
        return combinations > 1
            ? string.Create(CultureInfo.InvariantCulture, $"Rule: {strategies.StrategyText} ({combinations:N0} combinations)")
            : $"Rule: {strategies.StrategyText}";
    }
}
