using System.Globalization;
using System.Text.RegularExpressions;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// Checks a strategy text as a job's planner would (the same parser, the same combination cap) without planning a job:
/// what the dashboard's form asks while the user types.
/// </summary>
internal static partial class StrategyValidator
{
    public static StrategyCheck Check(string text, int maxCombinations)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return RuleParser.LooksLikeRule(text) ? CheckRule(text, maxCombinations) : CheckBuiltins(text, maxCombinations);
        }
        catch (StrategySpecException error)
        {
            return new InvalidStrategy(error.Message, ColumnOf(error.Message), error.Caret);
        }
    }

    private static ValidStrategy CheckRule(string text, int maxCombinations)
    {
        var template = RuleParser.Parse(text, maxCombinations);

        // The count is what a job runs per symbol: every combination, a canonical text that repeats run once. When no slot
        // repeats a value no text repeats, and the count is the product, found without expanding up to 10,000 rules on
        // every keystroke (a 10,000-point grid: about 130 ms expanded).
        bool repeats = template.Slots.Any(slot => slot.Values.Distinct().Count() != slot.Values.Count);
        int combinations = repeats ? StrategyParser.Parse(text, maxCombinations).Parameters.Count : (int)template.Combinations;
        return new ValidStrategy(template.Text, combinations, StrategyKind.Rule);
    }

    private static ValidStrategy CheckBuiltins(string text, int maxCombinations)
    {
        // Expanded as the planner expands them: combinations that break a parameter rule are dropped, repeats run once.
        int combinations = StrategyParser.Parse(text, maxCombinations).Parameters.Count;
        return new ValidStrategy(BuiltinListText.Format(StrategyParser.ParseRequests(text, maxCombinations)), combinations, StrategyKind.Builtin);
    }

    /// <summary>The column a rule error names ("... at column 10: ..."); the parser states it only in the message.</summary>
    private static int? ColumnOf(string message) =>
        ColumnInMessage().Match(message) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int column)
            ? column
            : null;

    [GeneratedRegex(@"\bat column (\d{1,9})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnInMessage();
}
