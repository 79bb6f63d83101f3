using System.Globalization;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Rules;

/// <summary>The built-in strategies written as rules (the bundled builtins.rules), with a built-in's parameters filled in.</summary>
public static class BuiltinRules
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Templates = new(Load);

    /// <summary>Each built-in's rule with <c>{parameter}</c> placeholders, by strategy name.</summary>
    public static IReadOnlyDictionary<string, string> All => Templates.Value;

    /// <summary>The rule text of a built-in with its parameters' values, e.g. <c>buy when rsi(14) &lt; 30, sell when rsi(14) &gt; 70</c>.</summary>
    public static string TextFor(StrategyParameters strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (!All.TryGetValue(strategy.Name, out var text))
        {
            throw new StrategySpecException($"'{Text.UserText.Excerpt(strategy.Name)}' is not a built-in strategy.");
        }

        foreach (var (name, value) in strategy.Values)
        {
            text = text.Replace("{" + name + "}", value.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The built-in as a rule (parsed from <see cref="TextFor"/>).</summary>
    public static Rule For(StrategyParameters strategy) => RuleParser.Parse(TextFor(strategy)).Expand().Single();

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(BuiltinRules).Assembly.GetManifestResourceStream("ClaudBot.Engine.Rules.builtins.rules")
            ?? throw new InvalidOperationException("The engine is missing its bundled builtins.rules.");
        using var reader = new StreamReader(stream);
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            rules[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return rules;
    }
}
