using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Strategies.Parsing;

/// <summary>
/// Parses an exit's value on a built-in, in percent: <c>stop=4%</c>, a list <c>3%|5%</c>, or a range <c>2..6 step 2</c>
/// (the '%' may be left out: exits are always percents). Gives fractions of the entry price (4% is 0.04).
/// </summary>
internal static class ExitValueParser
{
    public static bool IsExit(string key) => ExitRules.Names.Contains(key, StringComparer.OrdinalIgnoreCase);

    public static double[] Parse(string name, string text, string context)
    {
        // Any finite number reads here; the exit's own range is checked below, with its own message.
        var percent = new ParameterDefinition(name, 0, double.MinValue, double.MaxValue, IsInteger: false, $"{name} in percent");
        var values = ValueListParser.Parse(percent, text.Replace("%", string.Empty, StringComparison.Ordinal), context);
        var fractions = values.Select(value => value / 100).ToArray();
        foreach (double fraction in fractions)
        {
            if (ExitRules.Check(name, fraction) is { } problem)
            {
                throw new StrategySpecException($"'{UserText.Excerpt(context)}': {problem}");
            }
        }

        return fractions;
    }

    /// <summary>Writes a value list back in the form <see cref="Parse"/> reads: <c>3%|5%</c>.</summary>
    public static string Format(double[] fractions) => string.Join('|', fractions.Select(ExitRules.Percent));
}
