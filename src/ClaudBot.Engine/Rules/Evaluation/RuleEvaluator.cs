using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies.Kernels;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// Runs rules over bar series for one thread (the Backtester owns one): compiles each rule once and keeps it, and
/// keeps the indicator series every rule of the current bar series shares. Not thread-safe.
/// </summary>
internal sealed class RuleEvaluator
{
    /// <summary>Compiled rules kept; a sweep's grid points beyond this are compiled again (microseconds each).</summary>
    private const int MaxCompiled = 1024;

    private readonly Dictionary<Rule, CompiledRule> _compiled = [];
    private Signal[] _signals = new Signal[1024];

    public RuleWorkspace Workspace { get; } = new();

    /// <summary>The signal after each bar of [0, end] (Hold before <paramref name="start"/>); valid until the next call.</summary>
    public Signal[] Signals(Rule rule, BarSeries bars, int start, int end)
    {
        if (!_compiled.TryGetValue(rule, out var compiled))
        {
            if (_compiled.Count >= MaxCompiled)
            {
                _compiled.Clear();
            }

            compiled = RuleCompiler.Compile(rule);
            _compiled[rule] = compiled;
        }

        if (_signals.Length < bars.Count)
        {
            _signals = new Signal[Math.Max(bars.Count, _signals.Length * 2)];
        }

        Workspace.Begin(bars);
        compiled.Signals(Workspace, start, end, _signals);
        return _signals;
    }
}
