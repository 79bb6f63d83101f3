namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// A strategy's per-bar rule. Implemented by structs and used as a generic constraint so the JIT
/// specialises the simulator's loop for each strategy. <c>Next</c> must be aggressively inlined: once
/// inlined, the kernel's state is promoted to registers; as a call, it lives in memory and every bar
/// waits on store-to-load forwarding (measured: 36 µs instead of 14 µs per 5,000-bar Bollinger run).
/// </summary>
internal interface ISignalKernel
{
    /// <summary>Updates the indicators with bar <paramref name="index"/> (called for every bar in order) and says what to do.</summary>
    Signal Next(int index);
}
