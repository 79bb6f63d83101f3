namespace ClaudBot.Bench;

/// <summary>What one strategy achieved in <see cref="EngineBench"/>.</summary>
internal sealed record EngineFigures(string Strategy, int Bars, long Runs, double MicrosecondsPerBacktest, double BytesPerBacktest)
{
    public double BacktestsPerSecond => 1e6 / MicrosecondsPerBacktest;

    /// <summary>Bars per second on one core (the bench runs on one thread).</summary>
    public double BarsPerSecond => BacktestsPerSecond * Bars;
}
