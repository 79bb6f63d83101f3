using System.Globalization;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Results;

/// <summary>
/// A sweep's parameters value by value (mean and best Sharpe across everything else it varied, mean return, share of
/// backtests that made money), so a trader sees whether a value is good everywhere or lucky once. A parameter with many
/// values shows its best <see cref="MaxRows"/> by mean Sharpe.
/// </summary>
internal static class ParameterEffectTables
{
    public const int MaxRows = 10;

    public static IEnumerable<TablePart> Of(IReadOnlyList<ParameterEffect> effects) => effects.Select(Table);

    private static TablePart Table(ParameterEffect effect)
    {
        var values = effect.Values.Count <= MaxRows
            ? effect.Values
            : [.. effect.Values.OrderByDescending(v => v.MeanSharpe ?? double.NegativeInfinity).Take(MaxRows)];
        string title = effect.Values.Count <= MaxRows
            ? $"{effect.Strategy} {effect.Parameter}: every value"
            : string.Create(CultureInfo.InvariantCulture, $"{effect.Strategy} {effect.Parameter}: the best {MaxRows} of {effect.Values.Count} values by mean Sharpe");
        return new TablePart(title, [effect.Parameter, "Backtests", "Mean Sharpe", "Best Sharpe", "Mean return", "Made money"], [.. values.Select(v => (IReadOnlyList<string>)
        [
            v.Value,
            v.Backtests.ToString("N0", CultureInfo.InvariantCulture),
            Ratio(v.MeanSharpe),
            Ratio(v.BestSharpe),
            v.MeanReturn is { } r ? ResultTables.Percent(r) : "-",
            ResultTables.Percent(v.PositiveShare),
        ])])
        { NumericColumns = new HashSet<int> { 1, 2, 3, 4, 5 } };
    }

    private static string Ratio(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
