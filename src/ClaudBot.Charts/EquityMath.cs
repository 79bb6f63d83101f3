namespace ClaudBot.Charts;

/// <summary>The numbers the chart plots: growth and drawdown in percent, dates as OLE automation dates.</summary>
internal static class EquityMath
{
    /// <summary>Growth from the first value, in percent, so series with different starting capital compare.</summary>
    public static double[] GrowthPercent(IReadOnlyList<double> equity)
    {
        var growth = new double[equity.Count];
        double first = equity[0];
        for (int i = 0; i < growth.Length; i++)
        {
            growth[i] = ((equity[i] / first) - 1) * 100;
        }

        return growth;
    }

    /// <summary>Distance below the running peak, in percent: 0 at a new high, negative below it.</summary>
    public static double[] DrawdownPercent(IReadOnlyList<double> equity)
    {
        var drawdown = new double[equity.Count];
        double peak = equity[0];
        for (int i = 0; i < drawdown.Length; i++)
        {
            peak = Math.Max(peak, equity[i]);
            drawdown[i] = ((equity[i] / peak) - 1) * 100;
        }

        return drawdown;
    }

    /// <summary>The x coordinates ScottPlot's DateTime axis expects.</summary>
    public static double[] ToOADates(IReadOnlyList<DateOnly> dates)
    {
        var xs = new double[dates.Count];
        for (int i = 0; i < xs.Length; i++)
        {
            xs[i] = dates[i].ToDateTime(TimeOnly.MinValue).ToOADate();
        }

        return xs;
    }
}
