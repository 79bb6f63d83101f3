namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// A strategy's per-bar rule. Implemented by structs and used as a generic constraint so the JIT
/// specialises and inlines the simulator's loop for each strategy: no virtual call per bar.
/// </summary>
internal interface ISignalKernel
{
    /// <summary>Updates the indicators with bar <paramref name="index"/> (called for every bar in order) and says what to do.</summary>
    Signal Next(int index);
}
