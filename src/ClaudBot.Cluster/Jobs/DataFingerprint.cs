using System.IO.Hashing;
using System.Runtime.InteropServices;
using ClaudBot.Engine.Data;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A short fingerprint of the bars a job ran on (every symbol's dates and OHLCV, in the job's symbol order):
/// the same fingerprint on two boxes or two days means the same data, so a result can be reproduced or a
/// difference traced to the data. XxHash3 over the raw arrays: microseconds for a job's symbols.
/// </summary>
public static class DataFingerprint
{
    /// <summary>One fingerprint over every symbol's whole series, in order.</summary>
    public static string Of(IEnumerable<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var hash = new XxHash3();
        foreach (var bars in series)
        {
            hash.Append(System.Text.Encoding.UTF8.GetBytes(bars.Symbol));
            hash.Append(MemoryMarshal.AsBytes(bars.Days.AsSpan()));
            foreach (double[] column in (double[][])[bars.Open, bars.High, bars.Low, bars.Close, bars.Volume])
            {
                hash.Append(MemoryMarshal.AsBytes(column.AsSpan()));
            }
        }

        return "xxh3:" + Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>
    /// The fingerprint of the bars a backtest of <paramref name="bars"/> over [<paramref name="from"/>, <paramref name="to"/>]
    /// reads: every bar from the first up to the range's last, since indicators warm up on all history before the range.
    /// Bars after the range (a day appended by an update) leave it unchanged; any bar before or in it changes it.
    /// </summary>
    /// <exception cref="DateRangeException">No bar falls in the range.</exception>
    public static string OfBarsRead(BarSeries bars, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(bars);
        int count = BarRange.Resolve(bars, from, to).End + 1;
        var hash = new XxHash3();
        hash.Append(System.Text.Encoding.UTF8.GetBytes(bars.Symbol));
        hash.Append(MemoryMarshal.AsBytes(bars.Days.AsSpan(0, count)));
        foreach (double[] column in (double[][])[bars.Open, bars.High, bars.Low, bars.Close, bars.Volume])
        {
            hash.Append(MemoryMarshal.AsBytes(column.AsSpan(0, count)));
        }

        return "xxh3:" + Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
