using System.Globalization;

namespace ClaudBot.Engine.Portfolio;

/// <summary>
/// Who gets a free slot when more symbols signal than slots are free: each strategy's own <see cref="Strength"/>
/// (<see cref="MomentumLookback"/> null), or <c>momentum(N)</c>, close[t] / close[t - N] - 1 for every symbol alike.
/// </summary>
public readonly record struct PortfolioRanking(int? MomentumLookback)
{
    public static PortfolioRanking Strength => default;

    public static PortfolioRanking Momentum(int lookback) =>
        lookback >= 1 ? new(lookback) : throw new PortfolioException($"momentum({lookback}) cannot rank: N must be an integer of at least 1.");

    /// <summary>Reads <c>strength</c> or <c>momentum(N)</c> (spaces ignored); throws <see cref="PortfolioException"/> otherwise.</summary>
    public static PortfolioRanking Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact == "strength")
        {
            return Strength;
        }

        return compact.StartsWith("momentum(", StringComparison.Ordinal) && compact.EndsWith(')')
            && int.TryParse(compact.AsSpan(9, compact.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out int lookback)
            ? Momentum(lookback)
            : throw new PortfolioException($"A portfolio ranks by strength or momentum(N), not '{Text.UserText.Excerpt(text)}'.");
    }

    public override string ToString() => MomentumLookback is { } n ? string.Create(CultureInfo.InvariantCulture, $"momentum({n})") : "strength";

    /// <summary>
    /// The contract's order of candidates: defined values first, larger first; then undefined ones (NaN); equal values
    /// (all undefined ones equal) by symbol, ordinal ascending.
    /// </summary>
    internal static int Compare((string Symbol, double Value) a, (string Symbol, double Value) b)
    {
        bool aUndefined = double.IsNaN(a.Value);
        bool bUndefined = double.IsNaN(b.Value);
        if (aUndefined != bUndefined)
        {
            return aUndefined ? 1 : -1;
        }

        int byValue = aUndefined || a.Value == b.Value ? 0 : a.Value > b.Value ? -1 : 1;
        return byValue != 0 ? byValue : string.CompareOrdinal(a.Symbol, b.Symbol);
    }

    /// <summary>Equal for ranking: the same number, or both undefined.</summary>
    internal static bool Tied(double a, double b) => a == b || (double.IsNaN(a) && double.IsNaN(b));
}
