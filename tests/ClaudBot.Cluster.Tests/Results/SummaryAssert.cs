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
    }
}
