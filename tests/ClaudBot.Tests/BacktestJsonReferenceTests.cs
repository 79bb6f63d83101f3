using System.Text.Json;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

public sealed class BacktestJsonReferenceTests
{
    [Fact]
    public async Task Json_RelianceRsi_EqualsThePythonReference()
    {
        var expected = Reference.Find("rsi", "RELIANCE");

        var run = await Cli.RunAsync("backtest", "rsi", "RELIANCE", "2021-01-01", "2026-12-31", "--cost-bps", "10", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Raw);
        var actual = json.RootElement.GetProperty("results")[0];
        Assert.Equal(10, json.RootElement.GetProperty("cost_bps").GetDouble());
        Assert.Equal(expected.GetProperty("from").GetString(), actual.GetProperty("from").GetString());
        Assert.Equal(expected.GetProperty("to").GetString(), actual.GetProperty("to").GetString());
        Assert.Equal(expected.GetProperty("bars").GetInt32(), actual.GetProperty("bars").GetInt32());
        Assert.Equal(
            expected.GetProperty("params").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())),
            actual.GetProperty("params").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())));
        AssertMetrics(expected.GetProperty("metrics"), actual.GetProperty("metrics"));
        AssertTrades(expected.GetProperty("trades"), actual.GetProperty("trades"));
    }

    private static void AssertMetrics(JsonElement expected, JsonElement actual)
    {
        // The bps fixtures predate fees and turnover; the engine's tests check those against exec_backtests.json.
        foreach (string name in JsonShape.MetricKeys.Except(["fees", "turnover"]))
        {
            var want = expected.GetProperty(name);
            var got = actual.GetProperty(name);
            Assert.Equal(want.ValueKind, got.ValueKind);
            if (want.ValueKind == JsonValueKind.Number)
            {
                Reference.Close(want.GetDouble(), got.GetDouble(), 1e-9, name);
            }
        }

        Reference.Close(0.3015691321059355, actual.GetProperty("total_return").GetDouble(), 1e-10, "total_return");
    }

    private static void AssertTrades(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
        for (int i = 0; i < expected.GetArrayLength(); i++)
        {
            var want = expected[i];
            var got = actual[i];
            Assert.Equal(want.GetProperty("entry_date").GetString(), got.GetProperty("entry_date").GetString());
            Assert.Equal(want.GetProperty("exit_date").GetString(), got.GetProperty("exit_date").GetString());
            Reference.Close(want.GetProperty("entry_price").GetDouble(), got.GetProperty("entry_price").GetDouble(), 1e-12, $"trade {i} entry_price");
            Reference.Close(want.GetProperty("exit_price").GetDouble(), got.GetProperty("exit_price").GetDouble(), 1e-12, $"trade {i} exit_price");
            Reference.Close(want.GetProperty("return").GetDouble(), got.GetProperty("return").GetDouble(), 1e-12, $"trade {i} return");
        }

        Assert.Equal("2022-09-27", actual[0].GetProperty("entry_date").GetString());
        Reference.Close(1092.8528108642224, actual[0].GetProperty("entry_price").GetDouble(), 1e-12, "first entry price");
    }
}
