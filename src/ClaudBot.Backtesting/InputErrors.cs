using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Backtesting;

/// <summary>
/// Which failures are the user's to fix (a bad strategy, symbol, date, cost, data file or setting) and
/// how to say so in one line, never a stack trace.
/// </summary>
public static class InputErrors
{
    public static bool IsInputError(Exception error) => error is StrategySpecException
        or RequestTooLargeException
        or MarketDataException
        or DateRangeException
        or ArgumentOutOfRangeException
        or OptionsValidationException
        or FormatException
        or Costs.CostModelException
        or Engine.Portfolio.PortfolioException;

    public static string Describe(Exception error) => error switch
    {
        ArgumentNullException => error.Message,
        ArgumentOutOfRangeException range => range.Message.Split(" (Parameter", 2)[0],
        OptionsValidationException options => Describe(options),
        _ => error.Message,
    };

    private static string Describe(OptionsValidationException error) =>
        "Configuration is invalid: " + string.Join("; ", error.Failures.Select(Reason));

    // DataAnnotations failures read "DataAnnotation validation failed for 'X' members: 'P' with the error: 'reason'."
    private static string Reason(string failure)
    {
        const string Marker = "with the error: '";
        int at = failure.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return failure;
        }

        string reason = failure[(at + Marker.Length)..];
        return reason.EndsWith("'.", StringComparison.Ordinal) ? reason[..^2] : reason;
    }
}
