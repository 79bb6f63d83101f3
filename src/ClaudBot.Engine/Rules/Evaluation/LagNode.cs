using System.Globalization;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary><c>series[n]</c>: the same array read n bars late (a view, no copy).</summary>
internal sealed class LagNode(ExpressionNode series, int bars) : ExpressionNode
{
    public override string Key { get; } = series.Key + "[" + bars.ToString(CultureInfo.InvariantCulture) + "]";

    public override SeriesView Evaluate(RuleWorkspace workspace) => series.Evaluate(workspace).Delayed(bars);
}
