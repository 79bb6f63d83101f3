using System.Globalization;
using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.Backtesting.Tests.Actions;

/// <summary>
/// Two data folders holding one bundled symbol: <see cref="Original"/> as bundled (already adjusted), and
/// <see cref="Raw"/> as an exchange would print it around a 1:2 split on <see cref="SplitDate"/>: every bar before the
/// date at twice the price and half the volume, with the split in <c>actions.csv</c>. Doubling and halving are exact
/// in binary floating point, so the adjusted raw bars are the original bars bit for bit.
/// </summary>
public sealed class SplitDataSet : IDisposable
{
    public SplitDataSet(string symbol, DateOnly splitDate)
    {
        SplitDate = splitDate;
        string bundled = File.ReadAllText(Path.Combine(BacktestHarness.BundledData, symbol + ".csv"));
        Original.Write(symbol + ".csv", bundled);
        Raw.Write(symbol + ".csv", Unadjust(bundled, splitDate));
        Raw.Write("actions.csv", string.Create(CultureInfo.InvariantCulture, $"date,symbol,ratio\n{splitDate:yyyy-MM-dd},{symbol},2\n"));
    }

    public DateOnly SplitDate { get; }

    public TempDirectory Original { get; } = new();

    public TempDirectory Raw { get; } = new();

    public void Dispose()
    {
        Original.Dispose();
        Raw.Dispose();
    }

    // Bundled layout: Date,Open,High,Low,Close,Volume,Dividends,Stock Splits with the date first as yyyy-MM-dd...
    private static string Unadjust(string csv, DateOnly splitDate)
    {
        var lines = csv.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || DateOnly.ParseExact(lines[i][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture) >= splitDate)
            {
                continue;
            }

            var fields = lines[i].Split(',');
            for (int f = 1; f <= 4; f++)
            {
                fields[f] = Scale(fields[f], 2);
            }

            fields[5] = Scale(fields[5], 0.5);
            lines[i] = string.Join(',', fields);
        }

        return string.Join('\n', lines);
    }

    private static string Scale(string field, double factor) =>
        (double.Parse(field, CultureInfo.InvariantCulture) * factor).ToString("R", CultureInfo.InvariantCulture);
}
