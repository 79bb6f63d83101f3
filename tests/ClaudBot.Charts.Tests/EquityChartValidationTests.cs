using ClaudBot.Charts.Tests.Support;

namespace ClaudBot.Charts.Tests;

/// <summary>Each rule a request can break, and the message that names the series, index and value.</summary>
public sealed class EquityChartValidationTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);

    private static readonly Dictionary<string, (Func<EquityChartRequest> Request, string Message)> Cases = new()
    {
        ["no series"] = (() => new EquityChartRequest("t", []), "The chart needs at least one series; Series is empty."),
        ["nine series"] = (() => new EquityChartRequest("t", [.. Enumerable.Range(0, 9).Select(i => Series($"s{i}", 100, 101))]), "The chart shows at most 8 series; Series has 9."),
        ["one point"] = (() => One(new EquitySeries("solo", [Day], [100])), "Series 0 ('solo') has 1 point(s); at least 2 are needed to draw a line."),
        ["no points"] = (() => One(new EquitySeries("empty", [], [])), "Series 0 ('empty') has 0 point(s); at least 2 are needed to draw a line."),
        ["length mismatch"] = (() => new EquityChartRequest("t", [Series("a", 1, 2), new EquitySeries("b", [Day, Day.AddDays(1), Day.AddDays(2)], [1, 2])]), "Series 1 ('b') has 3 dates but 2 equity values; they must be the same length."),
        ["repeated date"] = (() => One(new EquitySeries("a", [Day, Day.AddDays(1), Day.AddDays(1)], [1, 2, 3])), "Series 0 ('a') dates are not ascending: 2024-01-02 at index 2 follows 2024-01-02."),
        ["date going back"] = (() => One(new EquitySeries("a", [Day, Day.AddDays(-3)], [1, 2])), "Series 0 ('a') dates are not ascending: 2023-12-29 at index 1 follows 2024-01-01."),
        ["NaN equity"] = (() => One(Series("a", 100, double.NaN)), "Series 0 ('a') has equity NaN at index 1 (2024-01-02); equity must be finite and greater than zero."),
        ["infinite equity"] = (() => One(Series("a", double.PositiveInfinity, 100)), "Series 0 ('a') has equity Infinity at index 0 (2024-01-01); equity must be finite and greater than zero."),
        ["zero equity"] = (() => One(Series("a", 100, 0)), "Series 0 ('a') has equity 0 at index 1 (2024-01-02); equity must be finite and greater than zero."),
        ["negative equity"] = (() => One(Series("a", 100, 50, -2.5)), "Series 0 ('a') has equity -2.5 at index 2 (2024-01-03); equity must be finite and greater than zero."),
        ["narrow"] = (() => One(Series("a", 1, 2)) with { Width = 199 }, "Width 199 is outside 200..4000 pixels."),
        ["wide"] = (() => One(Series("a", 1, 2)) with { Width = 4001 }, "Width 4001 is outside 200..4000 pixels."),
        ["flat"] = (() => One(Series("a", 1, 2)) with { Height = 0 }, "Height 0 is outside 200..4000 pixels."),
        ["tall"] = (() => One(Series("a", 1, 2)) with { Height = 10_000 }, "Height 10000 is outside 200..4000 pixels."),
        ["null title"] = (() => new EquityChartRequest(null!, [Series("a", 1, 2)]), "Title is null; use an empty string for a chart without a title."),
        ["null series"] = (() => new EquityChartRequest("t", [Series("a", 1, 2), null!]), "Series 1 is null."),
        ["blank label"] = (() => One(Series(" ", 1, 2)), "Series 0 has no label; the legend needs one."),
        ["null dates"] = (() => One(new EquitySeries("a", null!, [1, 2])), "Series 0 ('a') has no dates (null)."),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RenderPng_InvalidRequest_ThrowsArgumentExceptionNamingTheProblem(string name)
    {
        var (request, message) = Cases[name];

        var error = Assert.Throws<ArgumentException>(() => EquityChart.RenderPng(request()));

        Assert.Equal("request", error.ParamName);
        Assert.Equal($"{message} (Parameter 'request')", error.Message);
    }

    [Fact]
    public void RenderPng_NullRequest_ThrowsArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => EquityChart.RenderPng(null!));

        Assert.Equal("request", error.ParamName);
    }

    [Fact]
    public void RenderPng_LimitsThemselves_AreAccepted()
    {
        var eight = new EquityChartRequest("", [.. Enumerable.Range(0, 8).Select(i => Series($"s{i}", 100, 101))]);

        Assert.True(Png.HasSignature(EquityChart.RenderPng(eight with { Width = 200, Height = 4000 })));
        Assert.True(Png.HasSignature(EquityChart.RenderPng(eight with { Width = 4000, Height = 200 })));
    }

    private static EquityChartRequest One(EquitySeries series) => new("t", [series]);

    private static EquitySeries Series(string label, params double[] equity) =>
        new(label, SampleSeries.Weekdays(Day, equity.Length).Select((_, i) => Day.AddDays(i)).ToArray(), equity);
}
