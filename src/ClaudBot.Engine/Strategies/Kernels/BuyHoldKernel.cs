using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

internal readonly struct BuyHoldKernel : ISignalKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index) => Signal.Long;
}
