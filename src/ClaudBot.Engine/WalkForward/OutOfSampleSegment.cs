using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.WalkForward;

/// <summary>One window's out-of-sample bars and the parameter set picked for them; no pick holds them in cash.</summary>
public sealed record OutOfSampleSegment(BarRange Range, StrategyParameters? Pick);
