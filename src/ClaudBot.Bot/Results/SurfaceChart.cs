using System.Globalization;
using ClaudBot.Charts;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Results;

/// <summary>The heatmap of a job's <see cref="ParameterSurface"/>, as the chat, Telegram and the dashboard show it.</summary>
public static class SurfaceChart
{
    public static string Title(ParameterSurface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        string across = surface.Symbols == 1 ? "on its symbol" : string.Create(CultureInfo.InvariantCulture, $"median across {surface.Symbols} symbols");
        return $"{surface.Strategy}: {surface.Metric} by {surface.X} and {surface.Y} ({across})";
    }

    public static byte[] RenderPng(ParameterSurface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return HeatmapChart.RenderPng(new HeatmapChartRequest(Title(surface), surface.X, surface.Y, surface.Xs, surface.Ys, surface.Median)
        {
            ValueLabel = surface.Symbols == 1 ? surface.Metric : "median " + surface.Metric,
        });
    }
}
