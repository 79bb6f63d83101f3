using ClaudBot.Engine.Data;

namespace ClaudBot.Engine.WalkForward;

/// <summary>The windows of a walk-forward over a period, by the rule of docs/walk-forward.md.</summary>
public static class WalkForwardWindows
{
    /// <summary>More windows than a trader reads, and a bound on the tasks one grid multiplies into.</summary>
    public const int MaxWindows = 200;

    /// <summary>Window k: out-of-sample from From + (In + k*Step) for Out (clipped to To); in-sample the In before it (rolling) or all since From (anchored).</summary>
    /// <exception cref="DateRangeException">A length that is not positive, a step shorter than the out-of-sample part, or a period with no window or too many; one line each.</exception>
    public static IReadOnlyList<WalkForwardWindow> Plan(DateOnly from, DateOnly to, PeriodLength inSample, PeriodLength outOfSample, PeriodLength step, bool anchored)
    {
        if (!inSample.IsPositive || !outOfSample.IsPositive || !step.IsPositive)
        {
            throw new DateRangeException("The in-sample, out-of-sample and step lengths must each be longer than zero.");
        }

        if (Shorter(step, outOfSample))
        {
            throw new DateRangeException($"The step ({step}) is shorter than the out-of-sample part ({outOfSample}): out-of-sample parts would overlap and could not be stitched into one curve.");
        }

        var windows = new List<WalkForwardWindow>();
        for (int k = 0; ; k++)
        {
            var offset = k * step;
            var outFrom = (inSample + offset).AddTo(from);
            if (outFrom > to)
            {
                break;
            }

            if (windows.Count == MaxWindows)
            {
                throw new DateRangeException($"{from:yyyy-MM-dd} to {to:yyyy-MM-dd} makes more than {MaxWindows} windows of {outOfSample} out-of-sample every {step}: take a longer step or a shorter period.");
            }

            var outTo = Min((inSample + offset + outOfSample).AddTo(from).AddDays(-1), to);
            var inFrom = anchored ? from : offset.AddTo(from);
            windows.Add(new WalkForwardWindow(k, inFrom, outFrom.AddDays(-1), outFrom, outTo));
        }

        if (windows.Count == 0)
        {
            throw new DateRangeException($"{from:yyyy-MM-dd} to {to:yyyy-MM-dd} is too short for {inSample} in-sample and {outOfSample} out-of-sample: the first out-of-sample part would start on {inSample.AddTo(from):yyyy-MM-dd}.");
        }

        return windows;
    }

    // Compared on a fixed date, so "26 weeks" against "6 months" reads as a trader means it.
    private static bool Shorter(PeriodLength a, PeriodLength b)
    {
        var origin = new DateOnly(2000, 1, 1);
        return a.AddTo(origin) < b.AddTo(origin);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
