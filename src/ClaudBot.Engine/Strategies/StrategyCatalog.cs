namespace ClaudBot.Engine.Strategies;

/// <summary>The strategies the engine can run, by canonical name.</summary>
public static class StrategyCatalog
{
    public static StrategyDefinition Rsi { get; } = new(
        "rsi",
        "Long after RSI falls below `lower`, flat after it rises above `upper`.",
        [
            new("period", 14, 2, 1000, true, "RSI lookback in bars"),
            new("lower", 30, 0, 100, false, "oversold level: go long below it"),
            new("upper", 70, 0, 100, false, "overbought level: go flat above it"),
        ],
        p => p.Real(1) < p.Real(2) ? null : $"lower ({Format(p.Real(1))}) must be below upper ({Format(p.Real(2))})")
    {
        DefaultGrid = "rsi(period=7|14|21, lower=20|30, upper=70|80)",
    };

    public static StrategyDefinition Macd { get; } = new(
        "macd",
        "Long while the MACD line is above its signal line.",
        [
            new("fast", 12, 1, 1000, true, "fast EMA period"),
            new("slow", 26, 2, 1000, true, "slow EMA period"),
            new("signal", 9, 1, 1000, true, "signal EMA period"),
        ],
        p => p.Int(0) < p.Int(1) ? null : $"fast ({p.Int(0)}) must be below slow ({p.Int(1)})")
    {
        DefaultGrid = "macd(fast=8|12, slow=21|26, signal=9)",
    };

    public static StrategyDefinition Momentum { get; } = new(
        "momentum",
        "Long while the return over `lookback` bars is above `threshold`.",
        [
            new("lookback", 20, 1, 1000, true, "bars to look back"),
            new("threshold", 0, -0.99, 100, false, "minimum return over the lookback, e.g. 0.05 = 5%"),
        ])
    {
        DefaultGrid = "momentum(lookback=10|20|60)",
    };

    public static StrategyDefinition SmaCross { get; } = new(
        "sma_cross",
        "Long while the fast simple moving average is above the slow one.",
        [
            new("fast", 50, 1, 1000, true, "fast SMA period"),
            new("slow", 200, 2, 1000, true, "slow SMA period"),
        ],
        p => p.Int(0) < p.Int(1) ? null : $"fast ({p.Int(0)}) must be below slow ({p.Int(1)})")
    {
        DefaultGrid = "sma_cross(fast=10|20|50, slow=100|200)",
    };

    public static StrategyDefinition Bollinger { get; } = new(
        "bollinger",
        "Long after the close falls below the lower band, flat after it rises above the middle band.",
        [
            new("period", 20, 2, 1000, true, "band lookback in bars"),
            new("k", 2, 0.1, 10, false, "band width in standard deviations"),
        ])
    {
        DefaultGrid = "bollinger(period=20, k=1.5|2|2.5)",
    };

    public static StrategyDefinition BuyHold { get; } = new(
        "buy_hold",
        "Long from the first fill to the end: the benchmark.",
        [])
    {
        DefaultGrid = "buy_hold",
    };

    /// <summary>
    /// The definition every rule the user wrote shares (its name is "rule"; its numbers live in the rule, not here).
    /// Not in <see cref="All"/>: it is not a strategy one can run by name.
    /// </summary>
    public static StrategyDefinition WrittenRule { get; } = new(
        "rule",
        "A rule written in the rule language: buy when ..., sell when ... / hold while ...",
        []);

    public static IReadOnlyList<StrategyDefinition> All { get; } = [Rsi, Macd, Momentum, SmaCross, Bollinger, BuyHold];

    /// <summary>Every strategy's <see cref="StrategyDefinition.DefaultGrid"/> as one list: what "which strategy works best" runs.</summary>
    public static string EveryDefaultGrid { get; } = string.Join(", ", All.Select(d => d.DefaultGrid));

    /// <summary>Finds a strategy by name, ignoring case and treating '-' as '_'.</summary>
    public static StrategyDefinition? Find(string name)
    {
        string key = name.Trim().Replace('-', '_');
        return All.FirstOrDefault(d => string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    private static string Format(double value) => ParameterDefinition.Format(value);
}
