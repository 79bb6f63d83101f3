using System.Text.Json;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Actions;

/// <summary>
/// The store's adjustment against tests/reference/split_reference.py, written from the spec alone: a raw INFY with a 1:2
/// split and a 2:3 bonus (ratio 1.5) inside it, a dividend and a split after it, loads to the reference's bars.
/// </summary>
public sealed class SplitReferenceTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Reference");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RawInfyWithActionsCsv_LoadsToTheReferenceBars_To1e9()
    {
        File.Copy(Path.Combine(Fixtures, "split_raw_INFY.csv"), _dir.Combine("INFY.csv"));
        File.Copy(Path.Combine(Fixtures, "split_actions.csv"), _dir.Combine("actions.csv"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "split_adjusted_INFY.json")));

        var loaded = await Stores.Create(_dir.Path).LoadAsync("INFY");

        var root = expected.RootElement;
        Assert.Equal(root.GetProperty("date").EnumerateArray().Select(d => d.GetString()), loaded.Bars.Days.Select(d => DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        AssertClose(root.GetProperty("open"), loaded.Bars.Open);
        AssertClose(root.GetProperty("high"), loaded.Bars.High);
        AssertClose(root.GetProperty("low"), loaded.Bars.Low);
        AssertClose(root.GetProperty("close"), loaded.Bars.Close);
        AssertClose(root.GetProperty("volume"), loaded.Bars.Volume);
        Assert.Equal(17.5, Assert.Single(loaded.Dividends).Amount);
    }

    private static void AssertClose(JsonElement expected, double[] actual)
    {
        double[] values = [.. expected.EnumerateArray().Select(e => e.GetDouble())];
        Assert.Equal(values.Length, actual.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - actual[i]) <= 1e-9 * Math.Abs(values[i]), $"bar {i}: reference {values[i]:R}, store {actual[i]:R}");
        }
    }
}
