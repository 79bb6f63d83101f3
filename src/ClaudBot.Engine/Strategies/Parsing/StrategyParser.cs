using System.Globalization;
using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Strategies.Parsing;

/// <summary>
/// Parses strategy lists as users type them: <c>rsi,macd</c>, <c>rsi(period=10, lower=25)</c>, and
/// grids <c>rsi(period=7..21 step 7)</c> or <c>bollinger(k=1.5|2|2.5)</c>. Every error names the part
/// of the text that is wrong and what would be accepted.
/// </summary>
public static class StrategyParser
{
    /// <summary>Default cap on parameter combinations across the whole list.</summary>
    public const int DefaultMaxCombinations = 10_000;

    /// <summary>Parses and expands a list into concrete parameter sets, with notes on dropped combinations.</summary>
    /// <param name="saved">Rules saved under a name; a text that is one such name runs that rule.</param>
    public static StrategySelection Parse(string text, int maxCombinations = DefaultMaxCombinations, ISavedRules? saved = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (saved?.Find(text.Trim()) is { } rule)
        {
            text = rule;
        }

        if (RuleParser.LooksLikeRule(text))
        {
            return ParseRule(text, maxCombinations);
        }

        var requests = ParseRequests(text, maxCombinations);
        var parameters = new List<StrategyParameters>();
        var seen = new HashSet<StrategyParameters>();
        var notes = new List<string>();
        foreach (var request in requests)
        {
            var expanded = request.Expand(out int rejected, out string? reason);
            if (expanded.Count == 0)
            {
                throw new StrategySpecException($"'{UserText.Excerpt(request.Text)}': no valid combination ({reason}).");
            }

            if (rejected > 0)
            {
                notes.Add($"{request.Definition.Name}: skipped {rejected} of {request.Combinations} combinations ({reason}).");
            }

            parameters.AddRange(expanded.Where(seen.Add));
        }

        return new StrategySelection(parameters, notes);
    }

    /// <summary>
    /// Parses a list of built-in strategies into requests without expanding grids. A rule has no requests (its grids
    /// live in its <see cref="RuleTemplate"/>): <see cref="Parse"/> takes it.
    /// </summary>
    public static IReadOnlyList<StrategyRequest> ParseRequests(string text, int maxCombinations = DefaultMaxCombinations)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StrategySpecException($"No strategy given. Known strategies: {KnownNames}.");
        }

        if (RuleParser.LooksLikeRule(text))
        {
            throw new StrategySpecException("A rule is one strategy with its numbers written in it; it has no parameter requests.");
        }

        var requests = SplitTopLevel(text, ',', text).Select(ParseOne).ToList();
        long total = requests.Sum(r => r.Combinations);
        if (total > maxCombinations)
        {
            throw new StrategySpecException($"The parameter grid has {total:N0} combinations; the limit is {maxCombinations:N0}. Use a coarser step or fewer parameters.");
        }

        return requests;
    }

    /// <summary>
    /// Adds <c>name=value</c> settings to every strategy in the list that has such a parameter, as
    /// <c>--param period=10</c> does on the command line: <c>rsi,macd</c> with <c>period=10</c> becomes
    /// <c>rsi(period=10),macd</c>. A setting no strategy takes is an error; one already given inline is replaced.
    /// </summary>
    public static string ApplyParameters(string text, IReadOnlyList<(string Name, string Value)> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0)
        {
            return text;
        }

        if (RuleParser.LooksLikeRule(text))
        {
            throw new StrategySpecException("--param applies to built-in strategies; write the number into the rule.");
        }

        var items = SplitTopLevel(text, ',', text);
        var used = new bool[settings.Count];
        for (int i = 0; i < items.Count; i++)
        {
            var request = ParseOne(items[i]);
            var written = new List<string>();
            foreach (string name in request.Definition.Parameters.Select(p => p.Name).Concat(ExitRules.Names))
            {
                // A setting is kept as the user wrote it (7..21 step 7), checked when the result is parsed.
                int setting = settings.ToList().FindIndex(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
                if (setting >= 0)
                {
                    used[setting] = true;
                    written.Add($"{name}={settings[setting].Value}");
                }
                else if (request.Written(name) is { } asked)
                {
                    written.Add(asked);
                }
            }

            items[i] = written.Count == 0 ? request.Definition.Name : $"{request.Definition.Name}({string.Join(", ", written)})";
        }

        int unused = Array.IndexOf(used, false);
        return unused < 0
            ? string.Join(",", items)
            : throw new StrategySpecException($"No strategy in '{UserText.Excerpt(text)}' takes a parameter '{settings[unused].Name}'.");
    }

    /// <summary>
    /// The whole text is one rule: every combination of its grids, each once (two grid points that write the same
    /// canonical text are one rule), under the same cap as the built-in grids.
    /// </summary>
    private static StrategySelection ParseRule(string text, int maxCombinations)
    {
        var template = RuleParser.Parse(text, maxCombinations);
        var seen = new HashSet<StrategyParameters>();
        var parameters = template.Expand().Select(rule => new StrategyParameters(rule)).Where(seen.Add).ToList();
        return new StrategySelection(parameters, []);
    }

    private static string KnownNames => string.Join(", ", StrategyCatalog.All.Select(d => d.Name));

    private static StrategyRequest ParseOne(string item)
    {
        int open = item.IndexOf('(', StringComparison.Ordinal);
        string name = (open < 0 ? item : item[..open]).Trim();
        var definition = StrategyCatalog.Find(name) ?? throw UnknownStrategy(name, item);
        var values = definition.Parameters.Select(p => new[] { p.Default }).ToArray();
        var exits = ExitRules.Names.Select(_ => StrategyRequest.NoExit).ToArray();
        if (open < 0)
        {
            return new StrategyRequest(definition, values, item);
        }

        if (!item.EndsWith(')'))
        {
            throw new StrategySpecException($"'{UserText.Excerpt(item)}': expected ')' at the end of the parameters.");
        }

        string inside = item[(open + 1)..^1];
        var seen = new HashSet<int>();
        foreach (string argument in string.IsNullOrWhiteSpace(inside) ? [] : SplitTopLevel(inside, ',', item))
        {
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new StrategySpecException($"'{UserText.Excerpt(item)}': expected name=value, got '{UserText.Excerpt(argument)}'.");
            }

            string key = argument[..equals].Trim();
            if (ExitValueParser.IsExit(key))
            {
                int exit = ExitIndex(key);
                if (!seen.Add(-1 - exit))
                {
                    throw new StrategySpecException($"'{UserText.Excerpt(item)}': {UserText.Excerpt(key)} is given twice.");
                }

                exits[exit] = ExitValueParser.Parse(ExitRules.Names[exit], argument[(equals + 1)..].Trim(), item);
                continue;
            }

            int index = definition.IndexOf(key);
            if (index < 0)
            {
                throw new StrategySpecException($"'{UserText.Excerpt(item)}': {definition.UnknownParameter(key)}");
            }

            if (!seen.Add(index))
            {
                throw new StrategySpecException($"'{UserText.Excerpt(item)}': {UserText.Excerpt(key)} is given twice.");
            }

            values[index] = ValueListParser.Parse(definition.Parameters[index], argument[(equals + 1)..].Trim(), item);
        }

        return new StrategyRequest(definition, values, item, exits);
    }

    private static int ExitIndex(string key) =>
        ExitRules.Names.ToList().FindIndex(name => string.Equals(name, key, StringComparison.OrdinalIgnoreCase));

    private static StrategySpecException UnknownStrategy(string name, string item)
    {
        if (name.Length == 0)
        {
            return new StrategySpecException($"'{UserText.Excerpt(item)}': a strategy name is missing. Known strategies: {KnownNames}.");
        }

        var close = Similarity.Suggest(name, StrategyCatalog.All.Select(d => d.Name), 3);
        string hint = close.Count > 0 ? $" Did you mean {string.Join(" or ", close)}?" : string.Empty;
        return new StrategySpecException($"Unknown strategy '{UserText.Excerpt(name)}'.{hint} Known strategies: {KnownNames}.");
    }

    /// <summary>Splits on a separator outside parentheses; rejects unbalanced parentheses and empty parts.</summary>
    private static List<string> SplitTopLevel(string text, char separator, string context)
    {
        var parts = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : separator;
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth < 0)
            {
                throw new StrategySpecException($"'{UserText.Excerpt(context)}': unbalanced ')'.");
            }
            else if (c == separator && depth == 0)
            {
                string part = text[start..i].Trim();
                if (part.Length == 0)
                {
                    throw new StrategySpecException($"'{UserText.Excerpt(context)}': empty item in the list (two separators in a row?).");
                }

                parts.Add(part);
                start = i + 1;
            }
        }

        return depth == 0 ? parts : throw new StrategySpecException($"'{UserText.Excerpt(context)}': missing ')'.");
    }

    internal static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
