namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>A compiled expression: evaluates every bar of the workspace's series at once.</summary>
internal abstract class ExpressionNode
{
    /// <summary>What the expression computes, with its values (e.g. <c>sma(5;close)[1]</c>): the cache key of a series read from it.</summary>
    public abstract string Key { get; }

    public abstract SeriesView Evaluate(RuleWorkspace workspace);
}
