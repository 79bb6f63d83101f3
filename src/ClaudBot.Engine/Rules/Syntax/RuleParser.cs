using System.Globalization;
using System.Text.RegularExpressions;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// Parses the rule language: <c>buy when A, sell when B</c> (also <c>buy if</c>, <c>sell if</c>; the parts joined by
/// ',', ';', 'then' or 'and') or <c>hold while C</c> (also <c>long while</c>). Every number may be a grid. A rule that
/// breaks a bound (<see cref="RuleBounds"/>, the grid cap) is refused here, before anything runs.
/// </summary>
public static partial class RuleParser
{
    /// <summary>True when the text is meant as a rule: it starts with "buy when", "buy if", "hold while" or "long while", any case, any spacing.</summary>
    public static bool LooksLikeRule(string text) =>
        text is not null && FindStart(text) is { } start && text.AsSpan(0, start.Index).IsWhiteSpace();

    /// <summary>Where the first rule in <paramref name="text"/> starts ("buy when" ... as for <see cref="LooksLikeRule"/>), and its opening words' length; null when none does.</summary>
    public static (int Index, int Length)? FindStart(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = RuleStart().Match(text);
        return match.Success ? (match.Index, match.Length) : null;
    }

    /// <summary>True for a word the language gives a meaning (a keyword, an indicator, a price field): not a name for a saved rule.</summary>
    public static bool IsReservedWord(string word) => RuleReader.IsReserved(word);

    /// <summary>Parses a rule, grids included; throws <see cref="StrategySpecException"/> with the column, a caret block and a suggestion.</summary>
    public static RuleTemplate Parse(string text, int maxCombinations = StrategyParser.DefaultMaxCombinations)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > RuleBounds.MaxLength)
        {
            throw new StrategySpecException(string.Create(
                CultureInfo.InvariantCulture, $"the rule has {text.Length:N0} characters; the limit is {RuleBounds.MaxLength:N0}"));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StrategySpecException("the rule is empty: write 'buy when ..., sell when ...' or 'hold while ...'");
        }

        var template = new RuleReader(text).Read();
        // Counted in doubles: a few large grids multiply past a long.
        double combinations = template.Slots.Aggregate(1.0, (product, slot) => product * slot.Values.Count);
        return combinations <= maxCombinations
            ? template
            : throw new StrategySpecException(string.Create(
                CultureInfo.InvariantCulture,
                $"The rule's grid has {combinations:N0} combinations; the limit is {maxCombinations:N0}. Use a coarser step or fewer values."));
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(buy\s+(when|if)|(hold|long)\s+while)(?![A-Za-z0-9_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleStart();
}
