using System.Text.RegularExpressions;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// The strategies slot: <c>rsi,macd</c>, <c>rsi and macd</c>, <c>relative strength</c>,
/// <c>rsi(period=10, lower=25)</c>, grids. Plain-word names are replaced by canonical ones from the
/// catalogue's aliases, then the engine's own parser checks everything.
/// </summary>
public static partial class StrategyListSlot
{
    public static bool TryParse(string text, IReadOnlyDictionary<string, string> aliases, out string canonical, out IReadOnlyList<StrategyParameters> strategies, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(aliases);
        string rewritten = text.Trim().ToLowerInvariant();
        foreach (var (alias, name) in aliases.OrderByDescending(a => a.Key.Length))
        {
            rewritten = Regex.Replace(rewritten, $@"(?<![\w]){Regex.Escape(alias)}(?![\w])", name, RegexOptions.CultureInvariant);
        }

        rewritten = ListSeparator().Replace(rewritten, ",");
        try
        {
            strategies = StrategyParser.Parse(rewritten).Parameters;
            canonical = rewritten;
            error = null;
            return true;
        }
        catch (StrategySpecException failure)
        {
            canonical = rewritten;
            strategies = [];
            error = failure.Message;
            return false;
        }
    }

    // "rsi and macd", "rsi & macd", "rsi, macd", "rsi macd" outside parentheses all mean a list.
    [GeneratedRegex(@"\s*(?:,|\band\b|&|\s)\s*(?![^()]*\))", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
