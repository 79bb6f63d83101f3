namespace ClaudBot.Cluster.Results;

/// <summary>
/// How one parameter's values did across everything else a sweep varied (the other parameters, the symbols): a value
/// whose mean Sharpe stays high whatever the rest is a robust choice; one good cell among poor neighbours is luck.
/// </summary>
/// <param name="Strategy">The strategy, e.g. <c>rsi</c>.</param>
/// <param name="Parameter">The parameter, e.g. <c>period</c>.</param>
/// <param name="Values">One entry per value the job tried, in order (numerically where every value is a number).</param>
public sealed record ParameterEffect(string Strategy, string Parameter, IReadOnlyList<ParameterValueEffect> Values);

/// <summary>The backtests of one parameter value (successful ones only).</summary>
/// <param name="Value">The value as the results write it, e.g. <c>14</c>.</param>
/// <param name="MeanSharpe">Over the backtests with a finite Sharpe; null when none had one.</param>
/// <param name="PositiveShare">The share of backtests whose total return was above zero.</param>
public sealed record ParameterValueEffect(string Value, int Backtests, double? MeanSharpe, double? BestSharpe, double? MeanReturn, double PositiveShare);
