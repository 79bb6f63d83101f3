using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Strategies.Parsing;

/// <summary>
/// Exits asked for beside a strategy list (the API's <c>stop</c>, chat's "with a 5% stop") written into its text, so
/// they travel, show and parse as if typed there: <c>rsi,macd</c> with a 5% stop becomes <c>rsi(stop=5%),macd(stop=5%)</c>;
/// a rule gains <c>, stop 5%</c>. A built-in's own exit of the same name gives way; a rule that already ends with one is
/// refused, since which to keep is the user's call.
/// </summary>
public static class RequestExits
{
    public static string Apply(string text, ExitRules exits, ISavedRules? saved = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!exits.Any)
        {
            return text;
        }

        if (exits.Problem() is { } problem)
        {
            throw new StrategySpecException(problem);
        }

        string resolved = saved?.Find(text.Trim()) ?? text;
        var given = ExitRules.Names.Where(name => exits[name] is not null).ToList();
        if (!RuleParser.LooksLikeRule(resolved))
        {
            return StrategyParser.ApplyParameters(text, [.. given.Select(name => (name, ExitRules.Percent(exits[name]!.Value)))]);
        }

        var written = RuleParser.Parse(resolved).Syntax.Exits;
        if (given.FirstOrDefault(name => written[name] is not null) is { } twice)
        {
            throw new StrategySpecException($"The rule already ends with a {twice}; give the {twice} in one place.");
        }

        return resolved.TrimEnd() + string.Concat(given.Select(name => $", {name} {ExitRules.Percent(exits[name]!.Value)}"));
    }
}
