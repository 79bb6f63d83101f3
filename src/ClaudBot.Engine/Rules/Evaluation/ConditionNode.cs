namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>A compiled condition: decides every bar of the workspace's series at once, as a mask (-1 true, 0 false).</summary>
internal abstract class ConditionNode
{
    /// <summary>A scratch mask whose first <see cref="RuleWorkspace.Count"/> entries hold the condition per bar.</summary>
    public abstract long[] Evaluate(RuleWorkspace workspace);
}
