namespace ClaudBot.Engine.WalkForward;

/// <summary>
/// One window of a walk-forward: the in-sample dates the grid is ranked on and the out-of-sample dates its pick then
/// trades (inclusive, calendar dates; the bars are those within them).
/// </summary>
public sealed record WalkForwardWindow(int Index, DateOnly InFrom, DateOnly InTo, DateOnly OutFrom, DateOnly OutTo);
