using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// A list of built-in strategies written back in one form (<see cref="StrategyRequest.Canonical"/>, joined by commas):
/// <c>RSI( period = 7..21 step 7 ), macd</c> is <c>rsi(period=7|14|21),macd</c>.
/// </summary>
internal static class BuiltinListText
{
    public static string Format(IReadOnlyList<StrategyRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return string.Join(",", requests.Select(r => r.Canonical));
    }
}
