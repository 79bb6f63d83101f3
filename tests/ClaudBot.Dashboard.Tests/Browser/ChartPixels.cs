namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>What <see cref="PageScripts.ChartPixels"/> counts on the equity chart's canvas (Playwright fills it: settable properties).</summary>
internal sealed record ChartPixels
{
    public int Line { get; init; }

    public int Painted { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }
}
