using ClaudBot.Engine.Data;
using ClaudBot.Hosting;
using ClaudBot.Engine.Strategies;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Output;

/// <summary>Exit codes, and which exceptions are the user's to fix (shown as one clear line, never a stack trace).</summary>
internal static class UserErrors
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int BadInput = 2;
    public const int Cancelled = 130;

    public static bool IsUserError(Exception error) => error is StrategySpecException
        or MarketDataException
        or DateRangeException
        or ArgumentOutOfRangeException
        or OptionsValidationException
        or FormatException;

    public static string Describe(Exception error) => error switch
    {
        ArgumentOutOfRangeException range => range.Message.Split(" (Parameter", 2)[0],
        OptionsValidationException options => SettingsErrors.Describe(options),
        _ => error.Message,
    };
}
