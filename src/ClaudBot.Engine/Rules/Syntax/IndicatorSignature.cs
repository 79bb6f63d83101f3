namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// How an indicator is written: its name in the language, the kinds of its number arguments in order, and whether a
/// source series may follow them.
/// </summary>
internal sealed record IndicatorSignature(string Name, IndicatorKind Kind, RuleSlotKind[] Numbers, bool TakesSource, string Usage)
{
    private static readonly RuleSlotKind[] OnePeriod = [RuleSlotKind.Period];

    private static readonly RuleSlotKind[] TwoPeriods = [RuleSlotKind.Period, RuleSlotKind.Period];

    private static readonly RuleSlotKind[] ThreePeriods = [RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period];

    private static readonly RuleSlotKind[] PeriodAndWidth = [RuleSlotKind.Period, RuleSlotKind.Setting];

    public static IReadOnlyList<IndicatorSignature> All { get; } =
    [
        new("sma", IndicatorKind.Sma, OnePeriod, true, "n[, src]"),
        new("ema", IndicatorKind.Ema, OnePeriod, true, "n[, src]"),
        new("rsi", IndicatorKind.Rsi, OnePeriod, true, "n[, src]"),
        new("roc", IndicatorKind.Roc, OnePeriod, true, "n[, src]"),
        new("atr", IndicatorKind.Atr, OnePeriod, false, "n"),
        new("macd", IndicatorKind.Macd, TwoPeriods, false, "fast, slow"),
        new("macd_signal", IndicatorKind.MacdSignal, ThreePeriods, false, "fast, slow, signal"),
        new("macd_hist", IndicatorKind.MacdHist, ThreePeriods, false, "fast, slow, signal"),
        new("bb_upper", IndicatorKind.BbUpper, PeriodAndWidth, false, "n, k"),
        new("bb_middle", IndicatorKind.BbMiddle, OnePeriod, false, "n"),
        new("bb_lower", IndicatorKind.BbLower, PeriodAndWidth, false, "n, k"),
        new("highest", IndicatorKind.Highest, OnePeriod, true, "n[, src]"),
        new("lowest", IndicatorKind.Lowest, OnePeriod, true, "n[, src]"),
    ];

    public static IndicatorSignature? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public static IndicatorSignature Of(IndicatorKind kind) => All.First(s => s.Kind == kind);

    /// <summary>"1 or 2 arguments", "2 arguments", "1 argument".</summary>
    public string ArgumentCount =>
        TakesSource ? $"{Numbers.Length} or {Numbers.Length + 1} arguments"
        : Numbers.Length == 1 ? "1 argument" : $"{Numbers.Length} arguments";
}
