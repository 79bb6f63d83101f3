using System.Globalization;

namespace ClaudBot.Backtesting.Execution;

/// <summary>
/// Rupees in a few characters for a table cell: <c>412</c>, <c>12.3k</c>, <c>456k</c>, <c>1.2M</c>, <c>34M</c>; "-" where
/// the amount is unknown or not finite. Tables are already wide, and a fee's last rupee tells a reader nothing.
/// </summary>
public static class RupeesText
{
    public static string Compact(double? rupees)
    {
        if (rupees is not { } value || !double.IsFinite(value))
        {
            return "-";
        }

        double size = Math.Abs(value);
        return size < 999.5 ? Format(value, "0", string.Empty)
            : size < 99_950 ? Format(value / 1e3, "0.0", "k")
            : size < 999_500 ? Format(value / 1e3, "0", "k")
            : size < 99_950_000 ? Format(value / 1e6, "0.0", "M")
            : Format(value / 1e6, "0", "M");
    }

    private static string Format(double value, string format, string suffix) => value.ToString(format, CultureInfo.InvariantCulture) + suffix;
}
