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
}
