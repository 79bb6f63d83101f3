namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>What <see cref="PageScripts.BoundaryMarkers"/> reads back: each window marker's offset and the plot's width.</summary>
internal sealed record MarkerPositions
{
    public double[] Lefts { get; init; } = [];

    public double Width { get; init; }
}
