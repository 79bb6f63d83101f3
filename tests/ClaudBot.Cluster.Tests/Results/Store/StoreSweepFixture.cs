namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>
/// One real sweep stored once per test class: one strategy over two parameters (so the summary has a surface) on four
/// symbols, more results than the stored summary keeps, and one symbol whose data changed after planning so a quarter of
/// the tasks fail.
/// </summary>
public sealed class StoreSweepFixture : IAsyncLifetime
{
    public const string Strategies = "rsi(period=5..30 step 1, lower=20|25|30)";
    public const string Symbols = "TCS,INFY,RELIANCE,WIPRO";
    public const int ParameterSets = 26 * 3;
    public const int Tasks = ParameterSets * 4;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-storesweep-");

    /// <summary>The results file the store writer wrote (<c>job_&lt;id&gt;.json</c>, beside its <c>.rows</c> and summary).</summary>
    public string ResultsPath { get; private set; } = string.Empty;

    /// <summary>The export of <see cref="ResultsPath"/>: the JSON every reader of results takes.</summary>
    public string ExportPath { get; private set; } = string.Empty;

    public string Scratch => _scratch.FullName;

    public async Task InitializeAsync()
    {
        string sweep = Path.Combine(_scratch.FullName, "sweep");
        ExportPath = await RealResultsFile.WriteAsync(sweep, Strategies, Symbols, 25, "WIPRO");
        ResultsPath = Path.Combine(sweep, "results", Path.GetFileName(ExportPath));
    }

    public Task DisposeAsync()
    {
        _scratch.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
