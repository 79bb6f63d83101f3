namespace ClaudBot.Hosting.Strategies;

/// <summary>
/// A rule saved under a name: its text (canonical, grids kept) and the file that holds it. <paramref name="Error"/> says
/// why a hand-edited file could not be read; such a rule is listed but does not run.
/// </summary>
public sealed record SavedRule(string Name, string Rule, string Path, string? Error = null);
