using System.Globalization;
using System.Text.RegularExpressions;
using ClaudBot.Engine.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// Reads execution phrases, each at most once, joined by <c>and</c>, commas, <c>with</c>, <c>using</c> or <c>at</c>:
/// costs (<c>zerodha delivery charges</c>, <c>zerodha intraday costs</c>, <c>at 5 bps</c>, <c>costs NAME</c>, <c>NAME charges</c>),
/// slippage (<c>10 bps slippage</c>, <c>slippage of 10 bps</c>, <c>no slippage</c>), size (<c>size 10%</c>,
/// <c>50000 rupees per trade</c>, <c>10% per trade</c>, <c>all in</c>), <c>whole</c>/<c>fractional shares</c> and exits
/// (<c>a 5% stop</c>, <c>stop loss 5%</c>, <c>12% target</c>, <c>take profit 12%</c>, <c>8% trailing stop</c>). Every word must
/// belong to a phrase, so a slot never swallows words meant for another.
/// </summary>
internal static partial class ExecutionSlot
{
    private const string Number = @"(?<n>\d[\d,]*(?:\.\d+)?)";

    public static bool TryParse(string text, out ExecutionPhrase phrase, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        phrase = new ExecutionPhrase(null, null, null, null);
        error = null;
        // Spaces collapsed after the joining words go: "stop loss at 4%" reads as "stop loss 4%".
        string rest = Spaces().Replace(Separators().Replace(text.ToLowerInvariant().Replace('₹', ' '), " "), " ").Trim();
        if (rest.Length == 0)
        {
            error = "say the costs, slippage or size, e.g. 'with zerodha delivery charges'";
            return false;
        }

        while (rest.Length > 0)
        {
            if (!TryClause(ref rest, ref phrase, out error))
            {
                error ??= $"'{UserText.Excerpt(text)}' is not an execution phrase (try 'with zerodha delivery charges', 'at 5 bps', 'with 10 bps slippage', 'size 10%')";
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether words speak of execution at all (costs, slippage, size, shares), so that their error is worth showing.</summary>
    public static bool MentionsExecution(string text) => Keywords().IsMatch(text);

    private static bool TryClause(ref string rest, ref ExecutionPhrase phrase, out string? error)
    {
        error = null;
        Match m;
        if (TryExit(ref rest, ref phrase, out error) is { } exit)
        {
            return exit;
        }

        if ((m = Slippage().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.SlippageBps is null, phrase with { SlippageBps = m.Groups["n"].Success ? Read(m) : 0 }, "slippage", out error);
        }

        if ((m = Zerodha().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.Costs is null, phrase with { Costs = "zerodha-" + m.Groups["kind"].Value }, "costs", out error);
        }

        if ((m = Bps().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.Costs is null, phrase with { Costs = string.Create(CultureInfo.InvariantCulture, $"bps:{Read(m)}") }, "costs", out error);
        }

        if ((m = Percent().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.Size is null, phrase with { Size = string.Create(CultureInfo.InvariantCulture, $"pct:{Read(m)}") }, "size", out error);
        }

        if ((m = Amount().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.Size is null, phrase with { Size = string.Create(CultureInfo.InvariantCulture, $"amount:{Read(m)}") }, "size", out error);
        }

        if ((m = AllIn().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.Size is null, phrase with { Size = "all" }, "size", out error);
        }

        if ((m = Shares().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.WholeShares is null, phrase with { WholeShares = m.Groups["kind"].Value == "whole" }, "whole or fractional shares", out error);
        }

        if ((m = NamedCosts().Match(rest)).Success)
        {
            return Set(ref rest, m, ref phrase, phrase.Costs is null, phrase with { Costs = m.Groups["name"].Value }, "costs", out error);
        }

        return false;
    }

    /// <summary>A stop, target or trail at the start of <paramref name="rest"/>: true or false when one was read, null when none starts there.</summary>
    private static bool? TryExit(ref string rest, ref ExecutionPhrase phrase, out string? error)
    {
        error = null;
        foreach (var (name, pattern) in ExitPatterns)
        {
            var m = pattern.Match(rest);
            if (!m.Success)
            {
                continue;
            }

            double fraction = Read(m) / 100;
            if (Engine.Simulation.ExitRules.Check(name, fraction) is { } problem)
            {
                error = problem.TrimEnd('.');
                return false;
            }

            var exits = phrase.Exits;
            return Set(ref rest, m, ref phrase, exits[name] is null, phrase with { Exits = exits.With(name, fraction) }, name, out error);
        }

        return null;
    }

    // The trail first: "8% trailing stop" must not read as a stop.
    private static readonly (string Name, Regex Pattern)[] ExitPatterns = [("trail", Trail()), ("stop", Stop()), ("target", Target())];

    private static bool Set(ref string rest, Match match, ref ExecutionPhrase phrase, bool first, ExecutionPhrase next, string what, out string? error)
    {
        error = first ? null : $"{what} given twice: say it once";
        rest = rest[match.Length..].TrimStart();
        phrase = next;
        return first;
    }

    private static double Read(Match match) => double.Parse(match.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    // Joining words carry no meaning here: "with 10 bps slippage and zerodha delivery charges".
    [GeneratedRegex(@"(?:^|\s|,)+(?:with|using|and|at|plus|,)(?=\s|$|,)|,", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:" + Number + @" ?bps (?:of )?slippage|slippage (?:of )?" + Number + @" ?bps|no slippage)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Slippage();

    [GeneratedRegex(@"^zerodha[ -]?(?<kind>delivery|intraday)(?: (?:charges|costs|cost|fees|brokerage))?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Zerodha();

    [GeneratedRegex(@"^(?:costs? (?:of )?)?" + Number + @" ?bps(?: (?:costs?|charges|fees|per side|a side))?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Bps();

    [GeneratedRegex(@"^(?:size (?:of )?" + Number + @" ?%(?: (?:of equity|per trade|a trade|each trade))?|" + Number + @" ?% (?:of equity )?(?:per|a|each) (?:trade|position|entry))(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(@"^(?:size (?:of )?(?:rs\.? ?|inr ?)?" + Number + @"(?: (?:rupees|rs|inr))?(?: (?:per|a|each) (?:trade|position|entry))?|(?:rs\.? ?|inr ?)?" + Number + @" ?(?:rupees|rs|inr)? (?:per|a|each) (?:trade|position|entry))(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(?:bps|slippage|zerodha|size|charges|costs?|fees|brokerage|shares|rupees|per trade|stop|stop ?loss|target|take profit|trailing|trail)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Keywords();

    [GeneratedRegex(@"^(?:(?:an? )?" + Number + @" ?% (?:stop(?: ?loss)?|sl)|(?:stop(?: ?loss)?|sl) (?:of )?" + Number + @" ?%?)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Stop();

    [GeneratedRegex(@"^(?:(?:an? )?" + Number + @" ?% (?:profit )?(?:target|take profit)|(?:(?:profit )?target|take profit) (?:of )?" + Number + @" ?%?)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Target();

    [GeneratedRegex(@"^(?:(?:an? )?" + Number + @" ?% trail(?:ing)?(?: stop(?: ?loss)?)?|trail(?:ing)?(?: stop(?: ?loss)?)? (?:of )?" + Number + @" ?%?)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Trail();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:all in|size all)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AllIn();

    [GeneratedRegex(@"^(?<kind>whole|fractional) shares(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Shares();

    [GeneratedRegex(@"^(?:costs? (?:model )?(?<name>bps:\d+(?:\.\d+)?|[a-z][a-z0-9-]*)|(?<name>[a-z][a-z0-9-]*) (?:charges|costs|cost model|fees))(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedCosts();
}
