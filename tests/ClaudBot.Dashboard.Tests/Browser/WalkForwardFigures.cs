using System.Globalization;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// The walk-forward tables' rows as the job page should show a report's numbers, worked out here from the API's JSON
/// with the page's formats (format.js: percent to one decimal, ratios to two, a dash where a figure is absent or null),
/// so a wrong field, a wrong format or a missing value on the page shows up as a differing cell.
/// </summary>
internal static class WalkForwardFigures
{
    private const string Dash = "–";

    public static string[] SymbolRow(JsonElement symbol)
    {
        var stitched = symbol.GetProperty("stitched").GetProperty("metrics");
        var defaults = symbol.TryGetProperty("defaults", out var d) ? d.GetProperty("metrics") : (JsonElement?)null;
        return
        [
            symbol.GetProperty("symbol").GetString()!,
            Percent(stitched, "cagr"),
            Number(stitched, "sharpe"),
            Percent(stitched, "max_drawdown"),
            stitched.GetProperty("trades").GetInt32().ToString(CultureInfo.InvariantCulture),
            defaults is { } m ? Percent(m, "cagr") : Dash,
            defaults is { } n ? Number(n, "sharpe") : Dash,
            Percent(symbol.GetProperty("buy_hold").GetProperty("metrics"), "cagr"),
            Number(symbol, "efficiency"),
            symbol.GetProperty("distinct_picks").GetInt32().ToString(CultureInfo.InvariantCulture),
        ];
    }

    public static string[] WindowRow(JsonElement window)
    {
        var inSample = window.TryGetProperty("in_sample", out var i) ? i : (JsonElement?)null;
        var outOfSample = window.TryGetProperty("out_of_sample", out var o) ? o : (JsonElement?)null;
        return
        [
            (window.GetProperty("index").GetInt32() + 1).ToString(CultureInfo.InvariantCulture),
            $"{window.GetProperty("in_first").GetString()} → {window.GetProperty("in_last").GetString()}",
            $"{window.GetProperty("out_first").GetString()} → {window.GetProperty("out_last").GetString()}",
            Parameters(window),
            inSample is { } a ? Percent(a, "cagr") : Dash,
            inSample is { } b ? Number(b, "sharpe") : Dash,
            outOfSample is { } c ? Percent(c, "cagr") : Dash,
            outOfSample is { } e ? Number(e, "sharpe") : Dash,
            Number(window, "efficiency"),
        ];
    }

    /// <summary>The pick's parameters, or the note saying why the window has none.</summary>
    public static string Parameters(JsonElement window) =>
        window.TryGetProperty("parameters", out var p) ? p.GetString()! : window.GetProperty("note").GetString()!;

    public static string Number(JsonElement owner, string name) =>
        Value(owner, name) is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : Dash;

    private static string Percent(JsonElement owner, string name) =>
        Value(owner, name) is { } v ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : Dash;

    private static double? Value(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
