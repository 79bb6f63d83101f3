using ClaudBot.Engine.Data;
using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Rules.Evaluation;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies.Kernels;
using ClaudBot.Engine.Tests.Support;
using static ClaudBot.Engine.Tests.Rules.RuleTreeBuilder;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>Tiny series worked out by hand: what each operator, lag, warm-up edge and position rule gives per bar.</summary>
public sealed class RuleEvaluationHandTests
{
    private const bool T = true;
    private const bool F = false;

    private static readonly BarSeries Doubling = TestBars.FromOpenClose([2, 2, 2, 2, 2], [1, 2, 4, 8, 16]);

    /// <summary>Per bar: does the condition hold (read as the signal of <c>hold while condition</c>, long = holds)?</summary>
    private static bool[] Truth(BarSeries bars, Func<RuleTreeBuilder, Condition> condition)
    {
        var trees = new RuleTreeBuilder();
        var rule = trees.HoldWhile(condition(trees));
        var signals = new RuleEvaluator().Signals(rule, bars, 0, bars.Count - 1);
        return [.. signals.Take(bars.Count).Select(s => s == Signal.Long)];
    }

    private static CompareCondition Compare(Expression left, Comparison op, Expression right) => new(left, op, right);

    private static ArithmeticExpression Arithmetic(Expression left, ArithmeticOperator op, Expression right) => new(left, op, right);

    [Fact]
    public void Arithmetic_EachOperator_PerBar()
    {
        // close 1 2 4 8 16, open 2 throughout.
        Assert.Equal([F, F, F, T, T], Truth(Doubling, t => Compare(Arithmetic(Close, ArithmeticOperator.Add, Open), Comparison.Greater, t.Number(6))));
        Assert.Equal([T, F, F, F, F], Truth(Doubling, t => Compare(Arithmetic(Close, ArithmeticOperator.Subtract, Open), Comparison.Less, t.Number(0))));
        Assert.Equal([F, F, T, T, T], Truth(Doubling, t => Compare(Arithmetic(Close, ArithmeticOperator.Multiply, t.Number(2)), Comparison.GreaterOrEqual, t.Number(8))));
        Assert.Equal([F, F, T, F, F], Truth(Doubling, t => Compare(Arithmetic(Close, ArithmeticOperator.Divide, t.Number(4)), Comparison.Equal, t.Number(1))));
        Assert.Equal([F, F, T, T, T], Truth(Doubling, t => Compare(new NegateExpression(Close), Comparison.Less, t.Number(-3))));
    }

    [Fact]
    public void Arithmetic_MultiplicationBeforeAddition_AsTheTreeSays()
    {
        // close + open * 2 (the parser's tree for it) = close + 4: above 10 only for 8 and 16.
        Assert.Equal([F, F, F, T, T], Truth(Doubling, t => Compare(Arithmetic(Close, ArithmeticOperator.Add, Arithmetic(Open, ArithmeticOperator.Multiply, t.Number(2))), Comparison.Greater, t.Number(10))));
    }

    [Theory]
    [InlineData(Comparison.Less, new[] { T, T, F, F, F })]
    [InlineData(Comparison.LessOrEqual, new[] { T, T, T, F, F })]
    [InlineData(Comparison.Greater, new[] { F, F, F, T, T })]
    [InlineData(Comparison.GreaterOrEqual, new[] { F, F, T, T, T })]
    [InlineData(Comparison.Equal, new[] { F, F, T, F, F })]
    public void Comparisons_AtAnEqualValue_PerBar(Comparison op, bool[] expected)
    {
        Assert.Equal(expected, Truth(Doubling, t => Compare(Close, op, t.Number(4))));
    }

    [Fact]
    public void AndOrNot_PerBar()
    {
        Assert.Equal([F, T, T, T, F], Truth(Doubling, t => new AndCondition(Compare(Close, Comparison.Greater, t.Number(1)), Compare(Close, Comparison.Less, t.Number(16)))));
        Assert.Equal([T, F, F, F, T], Truth(Doubling, t => new OrCondition(Compare(Close, Comparison.Less, t.Number(2)), Compare(Close, Comparison.Greater, t.Number(8)))));
        Assert.Equal([T, T, T, F, F], Truth(Doubling, t => new NotCondition(Compare(Close, Comparison.Greater, t.Number(4)))));
    }

    [Fact]
    public void Not_OfAComparisonWithAnUndefinedValue_IsTrue()
    {
        // sma(3) is undefined on bars 0 and 1, so "sma(3) < 1000" is false there and its negation true.
        Assert.Equal([T, T, F, F, F], Truth(Doubling, t => new NotCondition(Compare(t.Indicator(IndicatorKind.Sma, 3), Comparison.Less, t.Number(1000)))));
    }

    [Fact]
    public void Crosses_TouchingThenCrossing_FiresOnTheCrossingBarOnly()
    {
        // 3 touches the level (3 > 3 is false), 5 crosses above it, 2 crosses below it; the first bar never crosses.
        var bars = TestBars.FromCloses(1, 3, 3, 5, 2, 2, 1);
        Assert.Equal([F, F, F, T, F, F, F], Truth(bars, t => new CrossCondition(Close, true, t.Number(3))));
        Assert.Equal([F, F, F, F, T, F, F], Truth(bars, t => new CrossCondition(Close, false, t.Number(3))));
    }

    [Fact]
    public void Crosses_FromAnEqualValue_CountsAsACross()
    {
        // a[t-1] <= b[t-1] includes equality: 3 then 4 crosses above 3; 3 then 2 crosses below it.
        Assert.Equal([F, F, T, F], Truth(TestBars.FromCloses(3, 3, 4, 3), t => new CrossCondition(Close, true, t.Number(3))));
        Assert.Equal([F, F, T, F], Truth(TestBars.FromCloses(3, 3, 2, 3), t => new CrossCondition(Close, false, t.Number(3))));
    }

    [Fact]
    public void Crosses_OfTwoSeries_NeedsBothDefinedOnBothBars()
    {
        // close crosses above close[1] needs close[1] on the bar before: bar 1 has no close[1] for bar 0, so no cross there.
        var bars = TestBars.FromCloses(5, 4, 6, 7, 3);
        Assert.Equal([F, F, T, F, F], Truth(bars, t => new CrossCondition(Close, true, t.Lag(Close, 1))));
    }

    [Fact]
    public void Lags_ZeroOneAndBeforeTheFirstBar()
    {
        Assert.Equal([T, T, T, T, T], Truth(Doubling, t => Compare(t.Lag(Close, 0), Comparison.Equal, Close)));
        Assert.Equal([F, T, T, T, T], Truth(Doubling, t => Compare(Close, Comparison.Greater, t.Lag(Close, 1))));
        Assert.Equal([F, F, F, F, F], Truth(Doubling, t => Compare(t.Lag(Close, 5), Comparison.Greater, t.Number(0))));
        Assert.Equal([T, F, F, F, F], Truth(Doubling, t => new NotCondition(Compare(t.Lag(Close, 1), Comparison.Greater, t.Number(0)))));

        // A lag longer than the series is undefined throughout, in arithmetic, comparisons and crosses alike.
        Assert.Equal([F, F, F, F, F], Truth(Doubling, t => Compare(Arithmetic(t.Lag(Close, 7), ArithmeticOperator.Add, Close), Comparison.Greater, t.Number(0))));
        Assert.Equal([F, F, F, F, F], Truth(Doubling, t => new CrossCondition(Close, true, t.Lag(Close, 5000))));
        Assert.Equal([T, T, T, T, T], Truth(Doubling, t => new NotCondition(Compare(new NegateExpression(t.Lag(Close, 9)), Comparison.Less, t.Number(0)))));

        // A lag of a lag adds up: close[1][2] is close 3 bars ago (1 on bar 3).
        Assert.Equal([F, F, F, T, F], Truth(Doubling, t => Compare(t.Lag(t.Lag(Close, 1), 2), Comparison.Equal, t.Number(1))));
    }

    [Fact]
    public void WarmUp_FirstDefinedBarsOfSmaAndRsi()
    {
        var bars = TestBars.FromCloses(1, 2, 3, 2, 4);

        // sma(3) first defined on bar 2 (= 2); rsi(2) on bar 2: two gains, no loss -> 100; bar 3: G = L = 0.5 -> 50.
        Assert.Equal([F, F, T, F, F], Truth(bars, t => Compare(t.Indicator(IndicatorKind.Sma, 3), Comparison.Equal, t.Number(2))));
        Assert.Equal([F, F, T, T, T], Truth(bars, t => Compare(t.Indicator(IndicatorKind.Sma, 3), Comparison.Greater, t.Number(0))));
        Assert.Equal([F, F, T, F, F], Truth(bars, t => Compare(t.Indicator(IndicatorKind.Rsi, 2), Comparison.Equal, t.Number(100))));
        Assert.Equal([F, F, F, T, F], Truth(bars, t => Compare(t.Indicator(IndicatorKind.Rsi, 2), Comparison.Equal, t.Number(50))));
    }

    [Fact]
    public void DivisionByZero_GivesInfinityOrNaN_ThenComparesAsIeee()
    {
        // x / 0 with x > 0 is +infinity (above any number); 0 / 0 is NaN (every comparison false, its negation true).
        var zero = Arithmetic(Close, ArithmeticOperator.Subtract, Close);
        Assert.Equal([T, T, T, T, T], Truth(Doubling, t => Compare(Arithmetic(Close, ArithmeticOperator.Divide, zero), Comparison.Greater, t.Number(1e300))));
        Assert.Equal([F, F, F, F, F], Truth(Doubling, t => Compare(Arithmetic(zero, ArithmeticOperator.Divide, zero), Comparison.Equal, t.Number(0))));
        Assert.Equal([T, T, T, T, T], Truth(Doubling, t => new NotCondition(Compare(Arithmetic(zero, ArithmeticOperator.Divide, zero), Comparison.LessOrEqual, t.Number(0)))));
    }

    [Fact]
    public void Indicator_OverALaggedSource_StartsAtTheSourcesFirstDefinedBar()
    {
        var workspace = new RuleWorkspace();
        workspace.Begin(TestBars.FromCloses(1, 2, 3, 4, 5));
        var lagged = new LagNode(new PriceNode(PriceField.Close), 1);

        // close[1] = -, 1, 2, 3, 4; its sma(2) is first defined on bar 2: (1+2)/2.
        var sma = new IndicatorNode(IndicatorKind.Sma, [2], lagged).Evaluate(workspace);
        Assert.Equal([double.NaN, double.NaN, 1.5, 2.5, 3.5], Enumerable.Range(0, 5).Select(sma.At));

        // highest(2) of it: the larger of the last two defined values.
        var highest = new IndicatorNode(IndicatorKind.Highest, [2], lagged).Evaluate(workspace);
        Assert.Equal([double.NaN, double.NaN, 2, 3, 4], Enumerable.Range(0, 5).Select(highest.At));

        // A source lagged past the end, or a period longer than the series, leaves the indicator undefined throughout.
        var never = new IndicatorNode(IndicatorKind.Rsi, [2], new LagNode(new PriceNode(PriceField.Close), 9)).Evaluate(workspace);
        Assert.All(Enumerable.Range(0, 5).Select(never.At), value => Assert.True(double.IsNaN(value)));
        var tooLong = new IndicatorNode(IndicatorKind.Sma, [5000], new PriceNode(PriceField.Close)).Evaluate(workspace);
        Assert.All(Enumerable.Range(0, 5).Select(tooLong.At), value => Assert.True(double.IsNaN(value)));
    }

    [Fact]
    public void BuySell_BothOnOneBar_ExitWinsWhenLongAndEntryWinsWhenFlat()
    {
        // buy when close > 2, sell when close > 3: on 4 both hold.
        var bars = TestBars.FromCloses(1, 4, 4, 1, 4);
        var t = new RuleTreeBuilder();
        var rule = t.BuySell(Compare(Close, Comparison.Greater, t.Number(2)), Compare(Close, Comparison.Greater, t.Number(3)));

        var signals = new RuleEvaluator().Signals(rule, bars, 0, 4);

        // Flat: entry wins (long); long: exit wins (flat); flat again: nothing on 1; entry wins on the last 4.
        Assert.Equal([Signal.Hold, Signal.Long, Signal.Flat, Signal.Hold, Signal.Long], signals.Take(5));
        var trades = new Backtester().Run(Strategy(rule), bars, new BarRange(0, 4, bars.FirstDate, bars.LastDate, bars.FirstDate, bars.LastDate), new(0)).Trades;
        Assert.Equal([(bars.DateAt(2), bars.DateAt(3), false)], trades.Select(x => (x.EntryDate, x.ExitDate, x.IsOpen)));
    }

    [Fact]
    public void BuySell_FromAMidSeriesStart_IsFlatThereWhateverCameBefore()
    {
        // Entry held on bar 1 (before the start): the rule still starts flat on bar 2, so the exit on bar 2 does nothing.
        var bars = TestBars.FromCloses(1, 4, 5, 5, 1);
        var t = new RuleTreeBuilder();
        var rule = t.BuySell(Compare(Close, Comparison.Less, t.Number(2)), Compare(Close, Comparison.Greater, t.Number(4)));

        var signals = new RuleEvaluator().Signals(rule, bars, 2, 4);

        Assert.Equal([Signal.Hold, Signal.Hold, Signal.Hold, Signal.Hold, Signal.Long], signals.Take(5));
    }

    [Fact]
    public void HoldWhile_LongExactlyAfterBarsWhereItHolds()
    {
        var t = new RuleTreeBuilder();
        var signals = new RuleEvaluator().Signals(t.HoldWhile(Compare(Close, Comparison.Greater, t.Number(2))), TestBars.FromCloses(1, 3, 1, 3, 3), 0, 4);
        Assert.Equal([Signal.Flat, Signal.Long, Signal.Flat, Signal.Long, Signal.Long], signals.Take(5));
    }

    [Fact]
    public void RsiBelowALevel_AtAnExactTie_DecidesAsTheKernel()
    {
        // Closes 2, 3, 1.5: G = 0.5, L = 0.75, RSI = 40 exactly; computed as 100 - 100/(1 + G/L) it is 39.99999999999999.
        // The kernel compares 100*G < 40*(G+L) (50 < 50: false); so does the rule, so "rsi(2) < 40" is false.
        var bars = TestBars.FromCloses(2, 3, 1.5);
        Assert.Equal([F, F, F], Truth(bars, t => Compare(t.Indicator(IndicatorKind.Rsi, 2), Comparison.Less, t.Number(40))));
        Assert.Equal([F, F, F], Truth(bars, t => Compare(t.Number(40), Comparison.Greater, t.Indicator(IndicatorKind.Rsi, 2))));

        // Arithmetic on the RSI uses its value, which is a hair below 40.
        Assert.Equal([F, F, T], Truth(bars, t => Compare(Arithmetic(t.Indicator(IndicatorKind.Rsi, 2), ArithmeticOperator.Add, t.Number(0)), Comparison.Less, t.Number(40))));
    }

    [Fact]
    public void SmaAboveSma_AtAnExactTie_DecidesAsTheKernel()
    {
        // Six closes of 0.1: sum of 3 = 0.30000000000000004 and of 4 = 0.4, so sma(3) = 0.10000000000000002 > sma(4) = 0.1,
        // but the kernel's 0.30000000000000004*4 > 0.4*3 is 1.2000000000000002 > 1.2000000000000002: false. The rule agrees.
        var bars = TestBars.FromCloses(0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        Assert.Equal([F, F, F, F, F, F], Truth(bars, t => Compare(t.Indicator(IndicatorKind.Sma, 3), Comparison.Greater, t.Indicator(IndicatorKind.Sma, 4))));
        Assert.Equal([F, F, F, F, F, F], Truth(bars, t => Compare(t.Indicator(IndicatorKind.Sma, Close, 3), Comparison.Greater, t.Indicator(IndicatorKind.Sma, 4))));
        Assert.Equal([F, F, F, T, T, T], Truth(bars, t => Compare(Arithmetic(t.Indicator(IndicatorKind.Sma, 3), ArithmeticOperator.Subtract, t.Indicator(IndicatorKind.Sma, 4)), Comparison.Greater, t.Number(0))));
    }

    [Fact]
    public void SeriesCache_SharesAcrossRulesAndForgetsOnNewBars()
    {
        var evaluator = new RuleEvaluator();
        var t = new RuleTreeBuilder();
        var first = t.HoldWhile(Compare(t.Indicator(IndicatorKind.Ema, 3), Comparison.Greater, t.Number(2)));
        var u = new RuleTreeBuilder();
        var second = u.HoldWhile(Compare(u.Indicator(IndicatorKind.Ema, 3), Comparison.Less, u.Number(5)));

        evaluator.Signals(first, Doubling, 0, 4);
        int afterFirst = evaluator.Workspace.Cache.Count;
        evaluator.Signals(second, Doubling, 0, 4);

        // ema(3;close) is shared: the second rule adds only its own constant.
        Assert.Equal(afterFirst + 1, evaluator.Workspace.Cache.Count);
        evaluator.Signals(first, TestBars.FromCloses(1, 2, 3), 0, 2);
        Assert.Equal(afterFirst, evaluator.Workspace.Cache.Count);
    }

    [Fact]
    public void NewBarsOfTheSameLength_ReuseTheOldSeriesArrays_AndGiveTheirOwnAnswers()
    {
        // The second series' indicators are computed into the arrays the first one's cache held.
        var first = TestBars.FromCloses(5, 4, 3, 2, 1, 2, 3);
        var second = TestBars.FromCloses(1, 2, 3, 4, 5, 4, 3);
        var t = new RuleTreeBuilder();
        var rule = t.BuySell(
            new AndCondition(Compare(t.Indicator(IndicatorKind.Rsi, 2), Comparison.Greater, t.Number(50)), Compare(Close, Comparison.Greater, t.Indicator(IndicatorKind.Sma, 3))),
            Compare(t.Indicator(IndicatorKind.Rsi, 2), Comparison.Less, t.Number(50)));
        var shared = new RuleEvaluator();

        shared.Signals(rule, first, 0, 6);
        var reused = shared.Signals(rule, second, 0, 6).Take(7).ToArray();

        Assert.Equal(new RuleEvaluator().Signals(rule, second, 0, 6).Take(7), reused);
        // rsi(2) is 100 on bars 2-4 (no losses) and close is above sma(3): long from bar 2; bar 5: G = L = 0.5, rsi 50 (not
        // below 50); bar 6: G = 0.25, L = 0.75, rsi 25: flat.
        Assert.Equal([Signal.Hold, Signal.Hold, Signal.Long, Signal.Hold, Signal.Hold, Signal.Hold, Signal.Flat], reused);
    }

    [Fact]
    public void Grid_EveryCombinationRuns_AndSharesItsIndicatorSeries()
    {
        // hold while rsi(2|4) < 10|40: four rules, the first slot varying slowest; two rsi series between them.
        var bars = TestBars.Load("TCS");
        var syntax = new RuleSyntax(RuleForm.HoldWhile, Compare(new IndicatorExpression(IndicatorKind.Rsi, [0], null), Comparison.Less, new NumberExpression(1)), null);
        var template = new RuleTemplate(syntax, [new RuleSlot(RuleSlotKind.Period, [2, 4], 5), new RuleSlot(RuleSlotKind.Number, [10, 40], 12)]);
        var shared = new RuleEvaluator();

        var rules = template.Expand().ToArray();
        var gridSignals = rules.Select(rule => shared.Signals(rule, bars, 0, bars.Count - 1).Take(bars.Count).ToArray()).ToArray();

        Assert.Equal([(2.0, 10.0), (2, 40), (4, 10), (4, 40)], rules.Select(r => (r.Value(0), r.Value(1))));
        Assert.Equal(4, shared.Workspace.Cache.Count);
        for (int i = 0; i < rules.Length; i++)
        {
            var t = new RuleTreeBuilder();
            var alone = t.HoldWhile(Compare(t.Indicator(IndicatorKind.Rsi, rules[i].Value(0)), Comparison.Less, t.Number(rules[i].Value(1))));
            var expected = new RuleEvaluator().Signals(alone, bars, 0, bars.Count - 1).Take(bars.Count);
            Assert.Equal(expected, gridSignals[i]);
        }

        // A higher level is long on more bars.
        Assert.True(gridSignals[1].Count(s => s == Signal.Long) > gridSignals[0].Count(s => s == Signal.Long));
    }
}
