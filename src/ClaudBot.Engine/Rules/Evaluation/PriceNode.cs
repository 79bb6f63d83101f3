using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>A column of the bars (open, high, low, close, volume), read in place.</summary>
internal sealed class PriceNode(PriceField column) : ExpressionNode
{
    public PriceField Field => column;

    public override string Key { get; } = column.ToString().ToLowerInvariant();

    public override SeriesView Evaluate(RuleWorkspace workspace)
    {
        var bars = workspace.Bars;
        var values = column switch
        {
            PriceField.Open => bars.Open,
            PriceField.High => bars.High,
            PriceField.Low => bars.Low,
            PriceField.Close => bars.Close,
            _ => bars.Volume,
        };
        return new SeriesView(values, 0);
    }
}
