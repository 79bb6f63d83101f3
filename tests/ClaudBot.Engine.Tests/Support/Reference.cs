using System.Text.Json;

namespace ClaudBot.Engine.Tests.Support;

/// <summary>
/// Fixtures produced by tests/reference/backtest_reference.py, an independent implementation of the
/// spec in plain Python (regenerate with tests/reference/generate_fixtures.sh).
/// </summary>
internal static class Reference
{
    public static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", file))).RootElement;

    public static double[] Series(string file, string name) =>
        [.. Read(file).GetProperty("series").GetProperty(name).EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())];

    /// <summary>Asserts two numbers agree to a relative tolerance (absolute near zero); NaN matches NaN.</summary>
    public static void Close(double expected, double actual, double tolerance = 1e-9, string? what = null)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected undefined (NaN), got {actual}");
            return;
        }

        double scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
