namespace ClaudBot.Cluster.Tests.Results;

/// <summary>
/// Real results files, written once per test class: a sweep over six symbols in chunks of seven, two of
/// them with broken data so 40 of its 120 tasks fail (M&amp;M makes the writer escape a symbol), and a
/// small clean job for the byte-by-byte tests.
/// </summary>
public sealed class RealResultsFixture : IAsyncLifetime
{
    public const string SweepStrategies = "rsi(period=7..21 step 7, lower=25|30),macd,momentum(lookback=10..40 step 10, threshold=-0.05|0.05),bollinger(k=1.5..2.5 step 0.3),buy_hold";
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-results-");

    public string SweepPath { get; private set; } = string.Empty;

    public byte[] Sweep { get; private set; } = [];

    public string SmallPath { get; private set; } = string.Empty;

    public byte[] Small { get; private set; } = [];

    public async Task InitializeAsync()
    {
        SweepPath = await RealResultsFile.WriteAsync(Path.Combine(_scratch.FullName, "sweep"), SweepStrategies, "TCS,INFY,RELIANCE,M&M,WIPRO,ITC", 7, "WIPRO", "ITC");
        Sweep = await File.ReadAllBytesAsync(SweepPath);
        SmallPath = await RealResultsFile.WriteAsync(Path.Combine(_scratch.FullName, "small"), "rsi,macd,buy_hold", "TCS,INFY", 2);
        Small = await File.ReadAllBytesAsync(SmallPath);
    }

    public Task DisposeAsync()
    {
        _scratch.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
