using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Strategies.Parsing;

/// <summary>Parses one parameter's value: <c>14</c>, a range <c>7..21 step 7</c>, or a list <c>7|14|21</c>.</summary>
internal static class ValueListParser
{
    /// <summary>Most values one range may produce before the grid cap is even considered.</summary>
    private const int MaxRangeValues = 100_000;

    public static double[] Parse(ParameterDefinition parameter, string text, string context)
    {
        double[] values = text.Contains("..", StringComparison.Ordinal)
            ? Range(parameter, text, context)
            : [.. text.Split('|').Select(part => Number(parameter, part.Trim(), context))];

        foreach (double value in values)
        {
            string? error = parameter.Check(value);
            if (error is not null)
            {
                throw new StrategySpecException($"'{UserText.Excerpt(context)}': {error}.");
            }
        }

        return [.. values.Distinct()];
    }

    private static double[] Range(ParameterDefinition parameter, string text, string context)
    {
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        string rest = text[(dots + 2)..];
        int stepAt = rest.IndexOf("step", StringComparison.OrdinalIgnoreCase);
        double start = Number(parameter, text[..dots].Trim(), context);
        double end = Number(parameter, (stepAt < 0 ? rest : rest[..stepAt]).Trim(), context);
        double step = stepAt < 0 ? 1 : Number(parameter, rest[(stepAt + 4)..].Trim(), context);
        if (step <= 0)
        {
            throw new StrategySpecException($"'{UserText.Excerpt(context)}': the step of {parameter.Name} must be positive.");
        }

        if (start > end)
        {
            throw new StrategySpecException($"'{UserText.Excerpt(context)}': the range of {parameter.Name} runs backwards ({UserText.Excerpt(text)}).");
        }

        // A small tolerance keeps 1..2 step 0.1 from losing its end to rounding.
        double count = Math.Floor(((end - start) / step) + 1e-9) + 1;
        if (count > MaxRangeValues)
        {
            throw new StrategySpecException($"'{UserText.Excerpt(context)}': {parameter.Name}={UserText.Excerpt(text)} gives {count:N0} values; use a larger step.");
        }

        return [.. Enumerable.Range(0, (int)count).Select(i => Math.Round(start + (i * step), 10))];
    }

    private static double Number(ParameterDefinition parameter, string text, string context) =>
        StrategyParser.TryNumber(text, out double value)
            ? value
            : throw new StrategySpecException($"'{UserText.Excerpt(context)}': {parameter.Name} must be a number, not '{UserText.Excerpt(text)}'.");
}
