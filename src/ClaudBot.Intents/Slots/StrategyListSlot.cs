using System.Text.RegularExpressions;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// The strategies slot: <c>rsi,macd</c>, <c>rsi and macd</c>, <c>relative strength</c>,
/// <c>rsi(period=10, lower=25)</c>, grids. Plain-word names are replaced by canonical ones from the
/// catalogue's aliases (one compiled expression for all of them), then the engine's own parser checks
/// everything. Results are remembered by text.
/// </summary>
public sealed partial class StrategyListSlot
{
    private readonly Regex? _aliases;
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly BoundedCache<(string Canonical, IReadOnlyList<StrategyParameters> Strategies, string? Error, string? Correction)> _parsed = new(10_000);

    public StrategyListSlot(IReadOnlyDictionary<string, string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        _names = aliases;
        _aliases = aliases.Count == 0
            ? null
            : new Regex(
                $@"(?<![\w]){string.Join('|', aliases.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))}(?![\w])",
                RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <param name="correction">A "Read X as Y." note when a mistyped strategy name was corrected.</param>
    public bool TryParse(string text, out string canonical, out IReadOnlyList<StrategyParameters> strategies, out string? error, out string? correction)
    {
        ArgumentNullException.ThrowIfNull(text);
        (canonical, strategies, error, correction) = _parsed.GetOrAdd(text.Trim().ToLowerInvariant(), Parse);
        return error is null;
    }

    private (string, IReadOnlyList<StrategyParameters>, string?, string?) Parse(string text)
    {
        string rewritten = _aliases?.Replace(text, m => _names[m.Value]) ?? text;
        rewritten = ListSeparator().Replace(rewritten, ",");
        try
        {
            return (rewritten, StrategyParser.Parse(rewritten).Parameters, null, null);
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
                    return (corrected, StrategyParser.Parse(corrected).Parameters, null, string.Join(" ", fixedItems));
                }
                catch (StrategySpecException)
                {
                    // Not a typo after all: report the original problem.
                }
            }

            return (rewritten, [], failure.Message, null);
        }
    }

    // "rsi and macd", "rsi & macd", "rsi, macd", "rsi macd" outside parentheses all mean a list.
    [GeneratedRegex(@"\s*(?:,|\band\b|&|\s)\s*(?![^()]*\))", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
