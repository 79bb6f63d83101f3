using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies.Kernels;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>A rule ready to run: its conditions as nodes, and the step that turns their per-bar truth into signals.</summary>
internal sealed class CompiledRule(RuleForm form, ConditionNode entry, ConditionNode? exit)
{
    /// <summary>
    /// Writes the signal after each bar of [0, end] into <paramref name="signals"/>: Hold before <paramref name="start"/>
    /// (the simulator ignores them there and starts flat). Buy/sell mirrors the simulator's position from
    /// <paramref name="start"/> on, so that when both conditions hold on one bar the exit wins when long and the entry
    /// when flat; hold-while is long exactly after bars where its condition holds.
    /// </summary>
    public void Signals(RuleWorkspace workspace, int start, int end, Span<Signal> signals)
    {
        var enter = entry.Evaluate(workspace);
        signals[..start].Clear();
        if (form == RuleForm.HoldWhile || exit is null)
        {
            for (int i = start; i <= end; i++)
            {
                signals[i] = enter[i] != 0 ? Signal.Long : Signal.Flat;
            }

            return;
        }

        var leave = exit.Evaluate(workspace);
        bool holding = false;
        for (int i = start; i <= end; i++)
        {
            bool change = holding ? leave[i] != 0 : enter[i] != 0;
            holding ^= change;
            signals[i] = change ? (holding ? Signal.Long : Signal.Flat) : Signal.Hold;
        }
    }
}
