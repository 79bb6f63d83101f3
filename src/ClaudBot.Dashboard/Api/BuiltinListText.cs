using System.Globalization;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// A list of built-in strategies written back in one form: lower-case names, only the parameters that differ from their
/// defaults, grids as value lists (<c>RSI( period = 7..21 step 7 ), macd</c> is <c>rsi(period=7|14|21),macd</c>).
/// </summary>
internal static class BuiltinListText
{
    public static string Format(IReadOnlyList<StrategyRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return string.Join(",", requests.Select(FormatOne));
    }

    private static string FormatOne(StrategyRequest request)
    {
        var parameters = request.Definition.Parameters;
        var changed = new List<string>();
        for (int p = 0; p < parameters.Count; p++)
        {
            if (request.Values[p] is not [var only] || only != parameters[p].Default)
            {
                changed.Add($"{parameters[p].Name}={string.Join('|', request.Values[p].Select(Number))}");
            }
        }

        return changed.Count == 0 ? request.Definition.Name : $"{request.Definition.Name}({string.Join(", ", changed)})";
    }

    // As the engine writes a parameter's value (ParameterDefinition.Format): up to 8 decimals, no exponent.
    private static string Number(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
