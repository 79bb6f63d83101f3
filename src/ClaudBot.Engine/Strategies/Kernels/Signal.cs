namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>What a strategy wants after a bar's close: no change (also while its indicators warm up), long or flat.</summary>
internal enum Signal : sbyte
{
    Hold = 0,
    Long = 1,
    Flat = -1,
}
