using System.Globalization;

namespace ClaudBot.Engine.Portfolio;

/// <summary>How a portfolio sizes each entry, from the equity at the previous close (E_prev).</summary>
public enum PortfolioSizingKind
{
    /// <summary>E_prev / max positions: every slot an equal share.</summary>
    Slots,

    /// <summary>E_prev x P / 100.</summary>
    Percent,

    /// <summary>A rupees.</summary>
    Amount,
}

/// <summary>
/// An entry's budget (charges included, then capped by the cash): <c>slots</c> (the default), <c>pct:P</c> or
/// <c>amount:A</c>. The single engine's <c>all</c> is refused: with several slots it has no meaning.
/// </summary>
public readonly record struct PortfolioSizing(PortfolioSizingKind Kind, double Value)
{
    public static PortfolioSizing Slots => new(PortfolioSizingKind.Slots, 0);

    /// <summary>Reads <c>slots</c>, <c>pct:P</c> or <c>amount:A</c>; throws <see cref="PortfolioException"/> otherwise.</summary>
    public static PortfolioSizing Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed == "slots")
        {
            return Slots;
        }

        if (trimmed == "all")
        {
            throw new PortfolioException("A portfolio's size cannot be 'all': with several slots it has no meaning; use slots, pct:P or amount:A.");
        }

        var (kind, number) = trimmed.StartsWith("pct:", StringComparison.Ordinal) ? (PortfolioSizingKind.Percent, trimmed[4..])
            : trimmed.StartsWith("amount:", StringComparison.Ordinal) ? (PortfolioSizingKind.Amount, trimmed[7..])
            : throw new PortfolioException($"A portfolio's size is slots, pct:P or amount:A, not '{Text.UserText.Excerpt(trimmed)}'.");
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? new PortfolioSizing(kind, value)
            : throw new PortfolioException($"A portfolio's size needs a number after the colon, not '{Text.UserText.Excerpt(trimmed)}'.");
    }

    /// <summary>The rupees one entry may spend before the cap by cash.</summary>
    public double Budget(double previousEquity, int maxPositions) => Kind switch
    {
        PortfolioSizingKind.Slots => previousEquity / maxPositions,
        PortfolioSizingKind.Percent => previousEquity * Value / 100,
        _ => Value,
    };

    /// <summary>Why this size cannot run with <paramref name="capital"/>, as one line; null when it can.</summary>
    public string? Problem(double capital) => Kind switch
    {
        PortfolioSizingKind.Percent when !(Value > 0 && Value <= 100) =>
            $"A size of {Shown(Value)}% of equity must be above 0% and at most 100%.",
        PortfolioSizingKind.Amount when !(Value > 0 && Value <= capital) =>
            $"A size of Rs {Shown(Value)} must be above 0 and at most the initial capital (Rs {Shown(capital)}).",
        _ => null,
    };

    public override string ToString() => Kind switch
    {
        PortfolioSizingKind.Slots => "slots",
        PortfolioSizingKind.Percent => "pct:" + Shown(Value),
        _ => "amount:" + Shown(Value),
    };

    private static string Shown(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
