using System.Globalization;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Text;

namespace ClaudBot.Backtesting.Execution;

/// <summary>The one written form of a <see cref="PositionSizing"/>: <c>all</c>, <c>pct:P</c> (0 &lt; P &lt;= 100) or <c>amount:A</c> (A &gt; 0 rupees).</summary>
public static class SizingText
{
    /// <summary>Reads a sizing; <see cref="FormatException"/> with one line showing the forms.</summary>
    public static PositionSizing Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = text.Trim().ToLowerInvariant();
        if (key == "all")
        {
            return PositionSizing.All;
        }

        int colon = key.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? key : key[..colon];
        string number = colon < 0 ? string.Empty : key[(colon + 1)..].TrimEnd('%');
        bool read = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value);
        return kind switch
        {
            "pct" when read && value > 0 && value <= 100 => new PositionSizing(SizingKind.Percent, value),
            "amount" when read && value > 0 => new PositionSizing(SizingKind.Amount, value),
            "pct" => throw new SizeFormatException($"'{UserText.Excerpt(text)}' is not a size: pct:P needs P above 0 and at most 100, e.g. pct:10."),
            "amount" => throw new SizeFormatException($"'{UserText.Excerpt(text)}' is not a size: amount:A needs A above 0 rupees, e.g. amount:50000."),
            _ => throw new SizeFormatException($"'{UserText.Excerpt(text)}' is not a size: write all, pct:P (P% of equity) or amount:A (A rupees)."),
        };
    }

    /// <summary>The canonical text, which <see cref="Parse"/> reads back to the same sizing.</summary>
    public static string Format(PositionSizing sizing) => sizing.Kind switch
    {
        SizingKind.Percent => string.Create(CultureInfo.InvariantCulture, $"pct:{sizing.Value:0.##########}"),
        SizingKind.Amount => string.Create(CultureInfo.InvariantCulture, $"amount:{sizing.Value:0.##########}"),
        _ => "all",
    };
}
