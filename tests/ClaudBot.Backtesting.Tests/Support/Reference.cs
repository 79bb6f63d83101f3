using System.Globalization;
using System.Text.Json;

namespace ClaudBot.Backtesting.Tests.Support;

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

    public static DateOnly Date(JsonElement element, string name) =>
        DateOnly.ParseExact(element.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static double Number(JsonElement element, string name) => element.GetProperty(name).GetDouble();
}
