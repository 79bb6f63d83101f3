namespace ClaudBot.Engine.Strategies.Kernels;

internal readonly struct BuyHoldKernel : ISignalKernel
{
    public Signal Next(int index) => Signal.Long;
}
