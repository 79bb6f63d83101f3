namespace ClaudBot.Charts.Tests;

/// <summary>Growth and drawdown in percent, and the dates as the x axis sees them.</summary>
public sealed class EquityMathTests
{
    [Fact]
    public void GrowthPercent_IsChangeFromTheFirstValue()
    {
        double[] growth = EquityMath.GrowthPercent([200, 300, 100, 200, 250]);

        Assert.Equal([0, 50, -50, 0, 25], growth);
    }

    [Fact]
    public void GrowthPercent_OfDifferentCapitals_ComparesTheSameReturn()
    {
        Assert.Equal(EquityMath.GrowthPercent([1_000, 1_100]), EquityMath.GrowthPercent([1_000_000, 1_100_000]));
    }

    [Fact]
    public void DrawdownPercent_IsDistanceBelowTheRunningPeak()
    {
        double[] drawdown = EquityMath.DrawdownPercent([100, 150, 75, 120, 150, 200, 190]);

        double[] expected = [0, 0, -50, -20, 0, 0, -5];
        Assert.Equal(expected.Length, drawdown.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], drawdown[i], 1e-12);
        }
    }

    [Fact]
    public void DrawdownPercent_OfAFallFromTheStart_CountsTheStartAsThePeak()
    {
        Assert.Equal([0, -10, -20], EquityMath.DrawdownPercent([100, 90, 80]), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void ToOADates_AreWholeDaysFrom1899()
    {
        double[] xs = EquityMath.ToOADates([new DateOnly(1899, 12, 30), new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2)]);

        Assert.Equal([0, 43831, 43832], xs);
    }
}
