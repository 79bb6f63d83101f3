using System.Globalization;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>A number written in the rule, as a cached series holding it on every bar.</summary>
internal sealed class ConstantNode(double value) : ExpressionNode
{
    private readonly Func<RuleWorkspace, double[]> _fill = workspace =>
    {
        var series = workspace.Cache.NewSeries(workspace.Count);
        series.AsSpan().Fill(value);
        return series;
    };

    public double Value => value;

    public override string Key { get; } = "#" + value.ToString("R", CultureInfo.InvariantCulture);

    public override SeriesView Evaluate(RuleWorkspace workspace) => new(workspace.Series(Key, _fill), 0);
}
