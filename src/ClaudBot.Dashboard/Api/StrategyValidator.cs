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
            // The count is what a job runs per symbol: expanded, invalid combinations dropped, repeats run once.
            int combinations = StrategyParser.Parse(text, maxCombinations).Parameters.Count;
            return RuleParser.LooksLikeRule(text)
                ? new ValidStrategy(RuleParser.Parse(text, maxCombinations).Text, combinations, StrategyKind.Rule)
                : new ValidStrategy(BuiltinListText.Format(StrategyParser.ParseRequests(text, maxCombinations)), combinations, StrategyKind.Builtin);
        }
        catch (StrategySpecException error)
        {
            return new InvalidStrategy(error.Message, ColumnOf(error.Message), error.Caret);
        }
    }

    /// <summary>The column a rule error names ("... at column 10: ..."); the parser states it only in the message.</summary>
    private static int? ColumnOf(string message) =>
        ColumnInMessage().Match(message) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int column)
            ? column
            : null;

    [GeneratedRegex(@"\bat column (\d{1,9})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnInMessage();
}
