using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>
/// Rule trees built in code (the parser is another helper's work): each number is a slot, numbered as written.
/// Once the parser merges, <see cref="Builtin"/> can give way to <see cref="BuiltinRules.For"/>.
/// </summary>
internal sealed class RuleTreeBuilder
{
    private readonly List<double> _values = [];

    /// <summary>A number slot holding <paramref name="value"/>.</summary>
    public int Slot(double value)
    {
        _values.Add(value);
        return _values.Count - 1;
    }

    public NumberExpression Number(double value) => new(Slot(value));

    public IndicatorExpression Indicator(IndicatorKind kind, params double[] arguments) =>
        new(kind, [.. arguments.Select(Slot)], null);

    public IndicatorExpression Indicator(IndicatorKind kind, Expression source, params double[] arguments) =>
        new(kind, [.. arguments.Select(Slot)], source);

    public LagExpression Lag(Expression series, int bars) => new(series, Slot(bars));

    public static PriceExpression Close { get; } = new(PriceField.Close);

    public static PriceExpression Open { get; } = new(PriceField.Open);

    public Rule BuySell(Condition entry, Condition exit) => Make(new RuleSyntax(RuleForm.BuySell, entry, exit));

    public Rule HoldWhile(Condition condition) => Make(new RuleSyntax(RuleForm.HoldWhile, condition, null));

    public static StrategyParameters Strategy(Rule rule) => new(rule);

    /// <summary>The tree builtins.rules writes for a built-in, with the strategy's parameters.</summary>
    public static Rule Builtin(StrategyParameters p)
    {
        var t = new RuleTreeBuilder();
        switch (p.Name)
        {
            case "rsi":
                var entry = new CompareCondition(t.Indicator(IndicatorKind.Rsi, p["period"]), Comparison.Less, t.Number(p["lower"]));
                var exit = new CompareCondition(t.Indicator(IndicatorKind.Rsi, p["period"]), Comparison.Greater, t.Number(p["upper"]));
                return t.BuySell(entry, exit);
            case "macd":
                var line = t.Indicator(IndicatorKind.Macd, p["fast"], p["slow"]);
                var signal = t.Indicator(IndicatorKind.MacdSignal, p["fast"], p["slow"], p["signal"]);
                return t.HoldWhile(new CompareCondition(line, Comparison.Greater, signal));
            case "momentum":
                var ratio = new ArithmeticExpression(Close, ArithmeticOperator.Divide, t.Lag(Close, (int)p["lookback"]));
                var change = new ArithmeticExpression(ratio, ArithmeticOperator.Subtract, t.Number(1));
                return t.HoldWhile(new CompareCondition(change, Comparison.Greater, t.Number(p["threshold"])));
            case "sma_cross":
                return t.HoldWhile(new CompareCondition(t.Indicator(IndicatorKind.Sma, p["fast"]), Comparison.Greater, t.Indicator(IndicatorKind.Sma, p["slow"])));
            case "bollinger":
                var below = new CompareCondition(Close, Comparison.Less, t.Indicator(IndicatorKind.BbLower, p["period"], p["k"]));
                var above = new CompareCondition(Close, Comparison.Greater, t.Indicator(IndicatorKind.BbMiddle, p["period"]));
                return t.BuySell(below, above);
            case "buy_hold":
                return t.HoldWhile(new CompareCondition(Close, Comparison.Greater, t.Number(0)));
            default:
                throw new ArgumentException($"No tree for {p.Name}.", nameof(p));
        }
    }

    private Rule Make(RuleSyntax syntax)
    {
        var slots = _values.Select(v => new RuleSlot(RuleSlotKind.Number, [v], 1)).ToArray();
        return new RuleTemplate(syntax, slots).Expand().Single();
    }
}
