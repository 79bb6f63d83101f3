using System.Globalization;
using System.Text.Json;
using ClaudBot.Backtesting.Execution;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// A portfolio report (the API's PortfolioView JSON) as the pages should show it, worked out here with the pages'
/// formats (format.js: percent to one decimal, ratios to two, rupees as the chat's, a dash where a figure is null), so
/// a wrong field or format on either page that shows a report (the overview's form, a portfolio job's) is a differing text.
/// </summary>
internal static class PortfolioReportText
{
    public const string Dash = "–";

    public static string Summary(JsonElement view)
    {
        var portfolio = view.GetProperty("portfolio");
        var hold = view.GetProperty("buy_hold");
        string verdict = Value(portfolio, "total_return") is { } mine && Value(hold, "total_return") is { } theirs && mine >= theirs ? "beat" : "trailed";
        return $"Portfolio of {Text(view, "strategy")} on {Whole(view, "symbols")} symbols, at most {Cluster.Jobs.PortfolioJobSettings.LaneLabel(view.GetProperty("max_positions").GetInt32())} ({Text(view, "size")}, ranked by {Text(view, "rank")}), {Text(view, "from")} to {Text(view, "to")}: "
            + $"return {Percent(portfolio, "total_return")} {verdict} the equal-weight buy and hold's {Percent(hold, "total_return")}.";
    }

    /// <summary>The figures table: the portfolio's row, then buy and hold's, which has no trades or turnover of its own.</summary>
    public static string[][] Figures(JsonElement view) =>
        [FigureRow("portfolio", view.GetProperty("portfolio"), own: true), FigureRow("buy & hold", view.GetProperty("buy_hold"), own: false)];

    public static string Exposure(JsonElement view) =>
        $"Invested {Percent(view, "mean_exposure")} of the time on average; {Number(view, "mean_positions", 1)} positions held on average, at most {Whole(view, "max_positions_held")}.";

    /// <summary>The symbols that traded, largest P&amp;L first: symbol, P&amp;L in rupees, share of the capital, trades.</summary>
    public static string[][] Contribution(JsonElement view) =>
    [
        .. view.GetProperty("contribution").EnumerateArray()
            .Where(c => c.GetProperty("trades").GetInt32() > 0)
            .OrderByDescending(c => c.GetProperty("profit_loss").GetDouble())
            .Select(c => new[] { Text(c, "symbol"), RupeesText.Compact(c.GetProperty("profit_loss").GetDouble()), Percent(c, "share"), Whole(c, "trades") }),
    ];

    public static string TradesCount(JsonElement view)
    {
        int count = view.GetProperty("trades").GetArrayLength();
        return count > 50 ? $"Trades: {count.ToString(CultureInfo.InvariantCulture)} (the last 50 shown)" : $"Trades: {count.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Percent(JsonElement owner, string name) =>
        Value(owner, name) is { } v ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : Dash;

    public static string Number(JsonElement owner, string name, int digits = 2) =>
        Value(owner, name) is { } v ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : Dash;

    public static string Whole(JsonElement owner, string name) => owner.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);

    public static string Text(JsonElement owner, string name) => owner.GetProperty(name).GetString()!;

    private static string[] FigureRow(string name, JsonElement f, bool own) =>
    [
        name,
        Percent(f, "total_return"),
        Percent(f, "cagr"),
        Number(f, "sharpe"),
        Percent(f, "max_drawdown"),
        own ? Whole(f, "trades") : Dash,
        RupeesText.Compact(f.GetProperty("fees").GetDouble()),
        own ? Number(f, "turnover") + "×" : Dash,
    ];

    private static double? Value(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
