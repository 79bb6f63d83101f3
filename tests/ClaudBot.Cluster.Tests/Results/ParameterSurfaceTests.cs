using System.Globalization;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>
/// The summary's parameter surface: the median Sharpe across symbols by the two parameters a one-strategy sweep varied,
/// read from the results file as it streams past; no surface for any other job.
/// </summary>
public sealed class ParameterSurfaceTests
{
    private static readonly string[] Symbols = ["TCS", "INFY", "WIPRO"];

    private static Task<ClaudBot.Cluster.Results.ResultsSummary> ReadAsync(byte[] file) =>
        ClaudBot.Cluster.Results.ResultsFileReader.ReadSummaryAsync(new MemoryStream(file, writable: false), 5, CancellationToken.None);

    // rsi over period 5/10/15 x lower 20/30, upper fixed; the Sharpe of a set on symbol s is period/10 + lower/100 + s.
    private static List<string> Sweep(Func<int, int, int, double>? sharpe = null)
    {
        sharpe ??= (period, lower, symbol) => (period / 10.0) + (lower / 100.0) + symbol;
        var results = new List<string>();
        foreach (int lower in (int[])[30, 20])
        {
            foreach (int period in (int[])[15, 5, 10])
            {
                for (int s = 0; s < Symbols.Length; s++)
                {
                    string parameters = string.Create(CultureInfo.InvariantCulture, $$"""{"period":{{period}},"lower":{{lower}},"upper":70}""");
                    results.Add(HandWrittenFile.Result(results.Count, Symbols[s], sharpe(period, lower, s), parameters: parameters));
                }
            }
        }

        return results;
    }

    [Fact]
    public async Task TwoParametersOfOneStrategy_GiveTheMedianAcrossSymbols_ByBothSortedUpwards()
    {
        var surface = (await ReadAsync(HandWrittenFile.With([.. Sweep()]))).Surface;

        Assert.NotNull(surface);
        Assert.Equal(("rsi", "period", "lower", "sharpe", 3), (surface.Strategy, surface.X, surface.Y, surface.Metric, surface.Symbols));
        Assert.Equal([5.0, 10, 15], surface.Xs);
        Assert.Equal([20.0, 30], surface.Ys);
        // The median of s = 0, 1, 2 is the middle symbol's: period/10 + lower/100 + 1.
        Assert.Equal([1.7, 2.2, 2.7], surface.Median[0].Select(v => Math.Round(v!.Value, 9)));
        Assert.Equal([1.8, 2.3, 2.8], surface.Median[1].Select(v => Math.Round(v!.Value, 9)));
    }

    [Fact]
    public async Task AnEvenNumberOfValues_TakesTheMeanOfTheMiddleTwo_AndAFailureLeavesItsSymbolOut()
    {
        var results = Sweep();
        results[0] = HandWrittenFile.Failure(0, "TCS"); // period 15, lower 30 on TCS

        var surface = (await ReadAsync(HandWrittenFile.With([.. results]))).Surface!;

        // Left: INFY 2.8 and WIPRO 3.8.
        Assert.Equal(3.3, surface.Median[1][2]!.Value, 9);
    }

    [Fact]
    public async Task ACellWithNoFiniteSharpe_IsMissing()
    {
        var results = Sweep((period, lower, s) => period == 5 && lower == 20 ? double.NaN : 1);
        string file = System.Text.Encoding.UTF8.GetString(HandWrittenFile.With([.. results])).Replace("\"sharpe\":NaN", "\"sharpe\":null", StringComparison.Ordinal);

        var surface = (await ReadAsync(System.Text.Encoding.UTF8.GetBytes(file))).Surface!;

        Assert.Null(surface.Median[0][0]);
        Assert.Equal(1, surface.Median[0][1]);
    }

    [Fact]
    public async Task TwoStrategies_GiveNoSurface()
    {
        var results = Sweep();
        results.Add(HandWrittenFile.Result(results.Count, "TCS", 1, strategy: "macd", parameters: """{"fast":12,"slow":26,"signal":9}"""));

        Assert.Null((await ReadAsync(HandWrittenFile.With([.. results]))).Surface);
    }

    [Fact]
    public async Task OneVaryingParameter_GivesNoSurface()
    {
        var results = Enumerable.Range(5, 6).Select(period => HandWrittenFile.Result(
            period, "TCS", period / 10.0, parameters: string.Create(CultureInfo.InvariantCulture, $$"""{"period":{{period}},"lower":30,"upper":70}"""))).ToArray();

        Assert.Null((await ReadAsync(HandWrittenFile.With(results))).Surface);
    }

    [Fact]
    public async Task ThreeVaryingParameters_GiveNoSurface()
    {
        var results = Sweep();
        results.Add(HandWrittenFile.Result(results.Count, "TCS", 1, parameters: """{"period":5,"lower":20,"upper":80}"""));

        Assert.Null((await ReadAsync(HandWrittenFile.With([.. results]))).Surface);
    }
}
