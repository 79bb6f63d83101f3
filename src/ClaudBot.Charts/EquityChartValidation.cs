using System.Globalization;

namespace ClaudBot.Charts;

/// <summary>Checks a request before anything is drawn, naming the series, index and value at fault.</summary>
internal static class EquityChartValidation
{
    public const int MaxSeries = 8;
    public const int MinPixels = 200;
    public const int MaxPixels = 4000;

    public static void Validate(EquityChartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FindProblem(request) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }
    }

    private const int MaxMarkers = 500;

    private static string? FindProblem(EquityChartRequest request)
    {
        if (request.Title is null)
        {
            return "Title is null; use an empty string for a chart without a title.";
        }

        if ((SizeProblem("Width", request.Width) ?? SizeProblem("Height", request.Height)) is { } size)
        {
            return size;
        }

        if (request.Series is null || request.Series.Count == 0)
        {
            return "The chart needs at least one series; Series is empty.";
        }

        if (request.Series.Count > MaxSeries)
        {
            return $"The chart shows at most {MaxSeries} series; Series has {request.Series.Count}.";
        }

        for (int i = 0; i < request.Series.Count; i++)
        {
            if (SeriesProblem(request.Series[i], i) is { } problem)
            {
                return problem;
            }
        }

        return request.Markers is null ? "Markers must not be null."
            : request.Markers.Count > MaxMarkers ? $"The chart marks at most {MaxMarkers} dates; Markers has {request.Markers.Count}."
            : null;
    }

    private static string? SizeProblem(string name, int pixels) =>
        pixels is < MinPixels or > MaxPixels ? $"{name} {pixels} is outside {MinPixels}..{MaxPixels} pixels." : null;

    private static string? SeriesProblem(EquitySeries? series, int index)
    {
        if (series is null)
        {
            return $"Series {index} is null.";
        }

        if (string.IsNullOrWhiteSpace(series.Label))
        {
            return $"Series {index} has no label; the legend needs one.";
        }

        string name = $"Series {index} ('{series.Label}')";
        if (series.Dates is null || series.Equity is null)
        {
            return $"{name} has no {(series.Dates is null ? "dates" : "equity values")} (null).";
        }

        if (series.Dates.Count != series.Equity.Count)
        {
            return $"{name} has {series.Dates.Count} dates but {series.Equity.Count} equity values; they must be the same length.";
        }

        if (series.Dates.Count < 2)
        {
            return $"{name} has {series.Dates.Count} point(s); at least 2 are needed to draw a line.";
        }

        for (int i = 0; i < series.Dates.Count; i++)
        {
            double equity = series.Equity[i];
            if (!double.IsFinite(equity) || equity <= 0)
            {
                return $"{name} has equity {Show(equity)} at index {i} ({Show(series.Dates[i])}); equity must be finite and greater than zero.";
            }

            if (i > 0 && series.Dates[i] <= series.Dates[i - 1])
            {
                return $"{name} dates are not ascending: {Show(series.Dates[i])} at index {i} follows {Show(series.Dates[i - 1])}.";
            }
        }

        return null;
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
