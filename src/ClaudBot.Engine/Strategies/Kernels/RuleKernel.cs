using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>Replays a rule's signals, computed beforehand for the whole series, into the simulator.</summary>
internal readonly struct RuleKernel(Signal[] signals) : ISignalKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index) => signals[index];
}
