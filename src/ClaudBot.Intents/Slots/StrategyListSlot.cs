using System.Text.RegularExpressions;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// The strategies slot: <c>rsi,macd</c>, <c>rsi and macd</c>, <c>relative strength</c>,
/// <c>rsi(period=10, lower=25)</c>, grids, a written rule (<c>buy when rsi(2) &lt; 10, sell when rsi(2) &gt; 70</c>) or
/// the name of a saved one. Plain-word names are replaced by canonical ones from the catalogue's aliases (one compiled
/// expression for all of them), then the engine's own parser checks everything; a rule goes to the engine's parser
/// as typed (its words and symbols are its own, and an error's caret shows the user's text). Results are remembered
/// by text, and a saved name by the rule it names too, so saving or removing a rule is seen at once.
/// </summary>
public sealed partial class StrategyListSlot
{
    private readonly Regex? _aliases;
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly ISavedRules? _saved;
    private readonly BoundedCache<string, StrategyListReading> _parsed = new(10_000);

    public StrategyListSlot(IReadOnlyDictionary<string, string> aliases)
        : this(aliases, null)
    {
    }

    /// <param name="saved">Rules saved under a name; the slot reads such a name as its rule.</param>
    public StrategyListSlot(IReadOnlyDictionary<string, string> aliases, ISavedRules? saved)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        _names = aliases;
        _saved = saved;
        _aliases = aliases.Count == 0
            ? null
            : new Regex(
                $@"(?<![\w]){string.Join('|', aliases.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))}(?![\w])",
                RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <param name="correction">A "Read X as Y." note when a mistyped strategy name was corrected.</param>
    public bool TryParse(string text, out string canonical, out IReadOnlyList<StrategyParameters> strategies, out string? error, out string? correction)
    {
        var reading = Read(text);
        (canonical, strategies, error, correction) = (reading.Canonical, reading.Strategies, reading.Error, reading.Correction);
        return error is null;
    }

    /// <summary>The whole reading of <paramref name="text"/>: a rule's template and an error's caret included.</summary>
    public StrategyListReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (RuleParser.LooksLikeRule(trimmed))
        {
            return _parsed.GetOrAdd("rule\0" + trimmed, _ => ParseRule(trimmed, null));
        }

        string key = trimmed.ToLowerInvariant();
        if (_saved is not null && NameShape().IsMatch(key) && StrategyCatalog.Find(key) is null)
        {
            // The cache key holds the rule the name stands for now: a failure remembered before a save, or a rule
            // remembered before a remove, is never served for a name that has changed since.
            string? rule;
            try
            {
                rule = _saved.Find(key);
            }
            catch (StrategySpecException unreadable)
            {
                return new StrategyListReading(key, [], unreadable.Message, null);
            }

            if (rule is not null)
            {
                return _parsed.GetOrAdd("saved\0" + key + "\0" + rule, _ => ParseRule(rule, key));
            }
        }

        return _parsed.GetOrAdd("list\0" + key, _ => ParseList(key));
    }

    private static StrategyListReading ParseRule(string rule, string? savedName)
    {
        try
        {
            var parameters = StrategyParser.Parse(rule).Parameters;
            var template = parameters[0].Rule!.Template;
            return new StrategyListReading(template.Text, parameters, null, null) { Rule = template, SavedName = savedName };
        }
        catch (StrategySpecException failure)
        {
            string message = savedName is null ? failure.Message : $"The rule saved as {savedName} does not parse: {failure.Message}";
            return new StrategyListReading(rule, [], message, null) { Caret = failure.Caret, SavedName = savedName };
        }
    }

    private StrategyListReading ParseList(string text)
    {
        string rewritten = _aliases?.Replace(text, m => _names[m.Value]) ?? text;
        try
        {
            rewritten = ListSeparator().Replace(WithParameters().Replace(rewritten, SaidParameters), ",");
            return new StrategyListReading(rewritten, StrategyParser.Parse(rewritten).Parameters, null, null);
        }
        catch (StrategySpecException failure)
        {
            // One slip in a strategy's name ("momentun") is read as that strategy, and said so.
            var fixes = rewritten.Split(',').Select(item => (Item: item, Fix: Corrections.Closest(item, StrategyCatalog.All.Select(d => d.Name)))).ToList();
            if (fixes.Any(f => f.Fix is not null))
            {
                string corrected = string.Join(',', fixes.Select(f => f.Fix ?? f.Item));
                try
                {
                    var fixedItems = fixes.Where(f => f.Fix is not null).Select(f => Corrections.ReadAs(f.Item, f.Fix!));
                    return new StrategyListReading(corrected, StrategyParser.Parse(corrected).Parameters, null, string.Join(" ", fixedItems));
                }
                catch (StrategySpecException)
                {
                    // Not a typo after all: report the original problem.
                }
            }

            return new StrategyListReading(rewritten, [], failure.Message, null);
        }
    }

    // "rsi with period 10 and lower 25" -> "rsi(period=10, lower=25)": the follow-ups' reading of settings, applied by the
    // engine as --param is (a parameter the strategy lacks is the engine's one-line error).
    private static string SaidParameters(Match said) =>
        ParameterListSlot.Read(said.Groups["parameters"].Value) is { } settings
            ? StrategyParser.ApplyParameters(said.Groups["name"].Value, settings)
            : said.Value;

    // Parameters said in words: "rsi with period 10", "sma_cross with fast 20 and slow 100", "rsi with stop 5%".
    [GeneratedRegex(@"\b(?<name>[a-z_]+) with (?<parameters>[a-z_]+\s*=?\s*\d+(?:\.\d+)?%?(?:\s*(?:,|\band\b)\s*[a-z_]+\s*=?\s*\d+(?:\.\d+)?%?)*)", RegexOptions.CultureInvariant)]
    private static partial Regex WithParameters();

    // "rsi and macd", "rsi & macd", "rsi, macd", "rsi macd" outside parentheses all mean a list.
    [GeneratedRegex(@"\s*(?:,|\band\b|&|\s)\s*(?![^()]*\))", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    // What a saved rule's name can look like; the store checks the rest (built-ins, the language's words).
    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
