using System.Text.Json;

namespace ClaudBot.Tests.Support;

/// <summary>
/// Results of tests/reference/backtest_reference.py, an independent Python implementation of the
/// engine's spec (the engine tests' fixture, linked here).
/// </summary>
public static class Reference
{
    /// <summary>The fixture entry for a strategy (default parameters) on a symbol.</summary>
    public static JsonElement Find(string strategy, string symbol)
    {
        var all = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "backtests.json"))).RootElement;
        return all.EnumerateArray().Single(e =>
            e.GetProperty("strategy").GetString() == strategy && e.GetProperty("symbol").GetString() == symbol);
    }

    /// <summary>Asserts two numbers agree to a relative tolerance (absolute near zero).</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        double scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
