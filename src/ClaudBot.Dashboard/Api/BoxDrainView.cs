namespace ClaudBot.Dashboard.Api;

/// <summary>The answer of <c>POST /api/boxes/{host}/drain</c> or <c>/undrain</c>: the box, whether it is now flagged, and whether this call changed that.</summary>
public sealed record BoxDrainView(string Host, bool Draining, bool Changed);
