using System.Globalization;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// Numbers, each a slot: one value, a list <c>5|10|15</c>, or a range <c>2..6 step 2</c> (step 1 when not given), with
/// the same rules as the built-in grids (step positive, range not backwards, at most 100,000 values), then each value
/// checked for what the slot stands for.
/// </summary>
internal sealed partial class RuleReader
{
    /// <summary>Largest magnitude a number in a rule may have (beyond it a double's integers are no longer exact).</summary>
    public const double MaxMagnitude = 1e15;

    private const int MaxRangeValues = 100_000;

    private int ReadValues(RuleSlotKind kind)
    {
        var start = Current;
        var first = Next();
        var values = new List<double> { first };
        if (Accept(".."))
        {
            double end = Next();
            double step = Accept("step") ? Next() : 1;
            string range = UserText.Excerpt(_text.AsSpan(start.Index, Previous.End - start.Index));
            values = [.. Range(first, end, step, range, start)];
        }
        else
        {
            while (Accept("|"))
            {
                values.Add(Next());
            }
        }

        foreach (double value in values)
        {
            if (Check(kind, value, start.Column) is { } problem)
            {
                throw Error(start.Index, problem);
            }
        }

        _slots.Add(new RuleSlot(kind, [.. values.Distinct()], start.Column));
        return _slots.Count - 1;

        // A percent may carry its sign on every number of a grid: 3%|5%, 2%..6% step 2%.
        double Next()
        {
            double value = ReadSigned();
            _ = kind == RuleSlotKind.Percent && Accept("%");
            return value;
        }
    }

    private double[] Range(double first, double end, double step, string range, RuleToken start)
    {
        if (step <= 0)
        {
            throw Error(start.Index, $"the step of the range '{range}' at column {start.Column} must be positive");
        }

        if (first > end)
        {
            throw Error(start.Index, $"the range '{range}' at column {start.Column} runs backwards");
        }

        // A small tolerance keeps 1..2 step 0.1 from losing its end to rounding.
        double count = Math.Floor(((end - first) / step) + 1e-9) + 1;
        if (count > MaxRangeValues)
        {
            throw Error(start.Index, string.Create(CultureInfo.InvariantCulture, $"the range '{range}' at column {start.Column} gives {count:N0} values; the limit is {MaxRangeValues:N0}: use a larger step"));
        }

        return [.. Enumerable.Range(0, (int)count).Select(i => Math.Round(first + (i * step), 10))];
    }

    /// <summary>An optional '-' and a number, finite and within <see cref="MaxMagnitude"/>.</summary>
    private double ReadSigned()
    {
        bool negative = Accept("-");
        var token = Current;
        if (token.Kind != RuleTokenKind.Number)
        {
            throw Error(token.Index, $"expected a number after '{Quote(Previous)}' at column {token.Column}");
        }

        _position++;
        if (!(Math.Abs(token.Value) <= MaxMagnitude))
        {
            throw Error(token.Index, $"the number '{Quote(token)}' at column {token.Column} is over the limit of 1e15");
        }

        return negative ? -token.Value : token.Value;
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot fill a slot of <paramref name="kind"/>, or null. A value must also survive
    /// its canonical text, since that text is how a rule travels to the workers.
    /// </summary>
    private static string? Check(RuleSlotKind kind, double value, int column)
    {
        string written = ParameterDefinition.Format(value);
        return kind switch
        {
            RuleSlotKind.Period when value != Math.Floor(value) => $"a period of {written} bars at column {column} is not a whole number",
            RuleSlotKind.Period when value < 1 => $"a period of {written} bars at column {column} is below the minimum of 1",
            RuleSlotKind.Period when value > RuleBounds.MaxPeriod => $"a period of {written} bars at column {column} is over the limit of 5,000",
            RuleSlotKind.Lag when value != Math.Floor(value) => $"a lag of {written} bars at column {column} is not a whole number",
            RuleSlotKind.Lag when value < 0 => $"a lag of {written} bars at column {column} is negative: a lag counts bars ago, from 0",
            RuleSlotKind.Lag when value > RuleBounds.MaxLag => $"a lag of {written} bars at column {column} is over the limit of 5,000",
            RuleSlotKind.Setting when value is <= 0 or > MaxWidth => $"a band width k of {written} at column {column} must be above 0 and at most 10",
            _ when double.Parse(written, CultureInfo.InvariantCulture) != value =>
                $"the number {value.ToString("R", CultureInfo.InvariantCulture)} at column {column} has more digits than a rule keeps (8 after the point, 15 in all)",
            _ => null,
        };
    }

    /// <summary>The widest Bollinger band k, as the built-in strategy allows.</summary>
    private const double MaxWidth = 10;
}
