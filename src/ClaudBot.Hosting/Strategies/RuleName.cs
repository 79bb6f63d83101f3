using System.Text.RegularExpressions;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Text;

namespace ClaudBot.Hosting.Strategies;

/// <summary>
/// What a saved rule may be called: lower-case letters, digits and '_', starting with a letter, at most 32 characters
/// (it is also a file name), and not a name that already means something where strategies are written: a built-in
/// strategy, or a word of the rule language.
/// </summary>
public static partial class RuleName
{
    /// <summary>Why <paramref name="name"/> cannot name a saved rule, in one line; null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Shape().IsMatch(name))
        {
            return $"'{UserText.Excerpt(name)}' cannot name a rule: use lower-case letters, digits and '_', starting with a letter, at most 32 characters (e.g. rsi2).";
        }

        if (StrategyCatalog.Find(name) is not null || name == StrategyCatalog.WrittenRule.Name)
        {
            return $"'{name}' is a built-in strategy; pick another name (e.g. my_{name}).";
        }

        return RuleParser.IsReservedWord(name) ? $"'{name}' is a word of the rule language; pick another name (e.g. my_{name})." : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
