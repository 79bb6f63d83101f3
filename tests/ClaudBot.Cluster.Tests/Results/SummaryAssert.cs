using ClaudBot.Cluster.Results;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>Whole-summary equality: the records hold lists, which records compare by reference.</summary>
internal static class SummaryAssert
{
    public static void Same(ResultsSummary expected, ResultsSummary actual)
    {
        Assert.Equal((expected.Id, expected.State, expected.TasksTotal, expected.TasksDone, expected.TasksFailed, expected.Timings), (actual.Id, actual.State, actual.TasksTotal, actual.TasksDone, actual.TasksFailed, actual.Timings));
        Assert.Equal(expected.Spec with { Symbols = [], DataFingerprints = null }, actual.Spec with { Symbols = [], DataFingerprints = null });
        Assert.Equal(expected.Spec.Symbols, actual.Spec.Symbols);
        Assert.Equal(expected.Spec.DataFingerprints, actual.Spec.DataFingerprints);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.Top, actual.Top);
        Assert.Equal(expected.BestBySymbol, actual.BestBySymbol);
        Assert.Equal(expected.Failures, actual.Failures);
        Assert.Equal(expected.FailuresTotal, actual.FailuresTotal);

        // A summary made by hand (a reference reading) has neither; every summary the node makes has both.
        if (expected.Leaders is not null)
        {
            Assert.Equal(expected.Leaders.Keys.Order(StringComparer.Ordinal), actual.Leaders?.Keys.Order(StringComparer.Ordinal));
            foreach (var (metric, rows) in expected.Leaders)
            {
                Assert.Equal(rows, actual.Leaders![metric]);
            }

            SameEffects(expected.Parameters, actual.Parameters);
        }
    }

    // Means are sums over results in the order they came, so two readers agree to rounding, not to the bit.
    private static void SameEffects(IReadOnlyList<ParameterEffect>? expected, IReadOnlyList<ParameterEffect>? actual)
    {
        Assert.Equal(expected?.Select(e => (e.Strategy, e.Parameter)), actual?.Select(e => (e.Strategy, e.Parameter)));
        for (int i = 0; i < (expected?.Count ?? 0); i++)
        {
            var (want, got) = (expected![i].Values, actual![i].Values);
            Assert.Equal(want.Select(v => (v.Value, v.Backtests, v.BestSharpe, v.PositiveShare)), got.Select(v => (v.Value, v.Backtests, v.BestSharpe, v.PositiveShare)));
            for (int v = 0; v < want.Count; v++)
            {
                Assert.Equal(want[v].MeanSharpe ?? double.NaN, got[v].MeanSharpe ?? double.NaN, 1e-12);
                Assert.Equal(want[v].MeanReturn ?? double.NaN, got[v].MeanReturn ?? double.NaN, 1e-12);
            }
        }
    }
}
