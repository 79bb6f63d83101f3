using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine.Data;

namespace ClaudBot.Cluster.Tests.Jobs;

/// <summary>A symbol's fingerprint covers exactly the bars its backtests read: every bar up to the range's last.</summary>
public sealed class DataFingerprintTests
{
    private static readonly DateOnly First = new(2022, 1, 3);

    private static BarSeries Series(int bars, int changed = -1)
    {
        int[] days = [.. Enumerable.Range(0, bars).Select(i => First.DayNumber + i)];
        double[] close = [.. Enumerable.Range(0, bars).Select(i => 100.0 + i + (i == changed ? 0.5 : 0))];
        return new BarSeries("TCS", days, [.. close], [.. close], [.. close], close, [.. close]);
    }

    private static string Read(BarSeries bars) => DataFingerprint.OfBarsRead(bars, First.AddDays(10), First.AddDays(19));

    [Fact]
    public void OfBarsRead_IsTheSameForTheSameBars_AndHasTheXxh3Form()
    {
        string fingerprint = Read(Series(40));

        Assert.Equal(fingerprint, Read(Series(40)));
        Assert.Matches("^xxh3:[0-9a-f]{16}$", fingerprint);
    }

    [Theory]
    [InlineData(15)] // inside the range
    [InlineData(19)] // the range's last bar
    [InlineData(2)] // before it: indicators warm up on it
    public void OfBarsRead_ChangesWithABarTheBacktestsRead(int changed) =>
        Assert.NotEqual(Read(Series(40)), Read(Series(40, changed)));

    [Fact]
    public void OfBarsRead_IgnoresBarsAfterTheRange_SoAnUpdateThatAppendsDaysKeepsIt()
    {
        Assert.Equal(Read(Series(40)), Read(Series(40, changed: 20)));
        Assert.Equal(Read(Series(40)), Read(Series(25)));
    }

    [Fact]
    public void OfBarsRead_OnARangeWithNoBars_ThrowsTheRangeError()
    {
        var error = Assert.Throws<DateRangeException>(() => DataFingerprint.OfBarsRead(Series(5), new DateOnly(2030, 1, 1), new DateOnly(2030, 2, 1)));

        Assert.Equal("TCS has bars from 2022-01-03 to 2022-01-07; nothing falls in 2030-01-01 to 2030-02-01.", error.Message);
    }
}
