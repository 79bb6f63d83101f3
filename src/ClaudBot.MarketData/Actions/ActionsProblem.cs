namespace ClaudBot.MarketData.Actions;

/// <summary>
/// A line of <c>actions.csv</c> that could not be read, as one line naming file and line. <see cref="Symbol"/> is the
/// symbol it was for when that much could be read (its loads then fail with <see cref="Message"/>), else null.
/// </summary>
internal sealed record ActionsProblem(string? Symbol, string Message);
