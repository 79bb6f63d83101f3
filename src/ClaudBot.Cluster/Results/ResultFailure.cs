namespace ClaudBot.Cluster.Results;

/// <summary>A task recorded as failed in a results file.</summary>
/// <param name="Strategy">The strategy as the task was given, parameters included: <c>rsi(period=14, lower=30, upper=70)</c>.</param>
/// <param name="Error">Why it failed, as the worker recorded it.</param>
public sealed record ResultFailure(int Index, string Strategy, string Symbol, string Error);
