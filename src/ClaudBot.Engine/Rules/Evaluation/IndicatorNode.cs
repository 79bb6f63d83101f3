using System.Globalization;
using ClaudBot.Engine.Indicators;
using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// An indicator over a source (close unless the rule names one), read from the workspace's cache: computed once per bar
/// series, indicator, parameters and source, whichever rule or grid point asks first.
/// </summary>
internal sealed class IndicatorNode : ExpressionNode
{
    private readonly IndicatorKind _kind;
    private readonly double[] _arguments;
    private readonly ExpressionNode _source;
    private readonly Func<RuleWorkspace, double[]> _compute;

    public IndicatorNode(IndicatorKind kind, double[] arguments, ExpressionNode source)
    {
        _kind = kind;
        _arguments = arguments;
        _source = source;
        Key = KeyOf(kind.ToString().ToLowerInvariant(), arguments, source);
        _compute = Compute;
    }

    public override string Key { get; }

    public static string KeyOf(string name, ReadOnlySpan<double> arguments, ExpressionNode source)
    {
        var parts = new string[arguments.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = arguments[i].ToString("R", CultureInfo.InvariantCulture);
        }

        return name + "(" + string.Join(",", parts) + ";" + source.Key + ")";
    }

    /// <summary>The source's values as a plain array of the workspace's length, for an indicator to read.</summary>
    public static double[] SourceArray(RuleWorkspace workspace, ExpressionNode source)
    {
        var view = source.Evaluate(workspace);
        return view.Lag == 0 && view.Values.Length == workspace.Count ? view.Values : view.ToArray(workspace.Count);
    }

    public override SeriesView Evaluate(RuleWorkspace workspace) => new(workspace.Series(Key, _compute), 0);

    private int Period(int index) => (int)_arguments[index];

    private double[] Compute(RuleWorkspace workspace)
    {
        var bars = workspace.Bars;
        switch (_kind)
        {
            case IndicatorKind.Sma:
                return IndicatorMath.Sma(workspace.Cache, SmaCompareNode.Sums(workspace, Period(0), _source), Period(0));
            case IndicatorKind.Ema:
                return IndicatorSeries.Ema(SourceArray(workspace, _source), Period(0));
            case IndicatorKind.Rsi:
                var (gain, loss) = RsiLevelNode.Averages(workspace, Period(0), _source);
                return IndicatorMath.Rsi(workspace.Cache, gain, loss);
            case IndicatorKind.Roc:
                return IndicatorMath.RateOfChange(workspace.Cache, SourceArray(workspace, _source), Period(0));
            case IndicatorKind.Atr:
                return IndicatorSeries.Atr(bars.High, bars.Low, bars.Close, Period(0));
            case IndicatorKind.Macd:
                return IndicatorMath.Difference(workspace.Cache, Ema(workspace, Period(0)), Ema(workspace, Period(1)));
            case IndicatorKind.MacdSignal:
                return IndicatorSeries.Ema(Line(workspace), Period(2));
            case IndicatorKind.MacdHist:
                var signal = new IndicatorNode(IndicatorKind.MacdSignal, _arguments, _source).Evaluate(workspace).Values;
                return IndicatorMath.Difference(workspace.Cache, Line(workspace), signal);
            case IndicatorKind.BbUpper:
                return IndicatorSeries.Bollinger(bars.Close, Period(0), _arguments[1]).Upper;
            case IndicatorKind.BbMiddle:
                return IndicatorSeries.Bollinger(bars.Close, Period(0), 0).Middle;
            case IndicatorKind.BbLower:
                return IndicatorSeries.Bollinger(bars.Close, Period(0), _arguments[1]).Lower;
            case IndicatorKind.Highest:
                return IndicatorMath.Extreme(workspace.Cache, SourceArray(workspace, _source), Period(0), highest: true);
            default:
                return IndicatorMath.Extreme(workspace.Cache, SourceArray(workspace, _source), Period(0), highest: false);
        }
    }

    // Parts another rule may name too (ema(12), macd(12, 26)) come from the cache like any indicator.
    private double[] Ema(RuleWorkspace workspace, int period) =>
        new IndicatorNode(IndicatorKind.Ema, [period], _source).Evaluate(workspace).Values;

    private double[] Line(RuleWorkspace workspace) =>
        new IndicatorNode(IndicatorKind.Macd, [_arguments[0], _arguments[1]], _source).Evaluate(workspace).Values;
}
