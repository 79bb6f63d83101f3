using ClaudBot.Backtesting;
using ClaudBot.Engine.Simulation;
using Microsoft.AspNetCore.Http;

namespace ClaudBot.Dashboard.Api;

/// <summary>The fields a job and a portfolio body share, checked the same way: the dates and the exits, each a 400 naming its field.</summary>
internal static class RequestFields
{
    /// <returns>The problem to answer with, or null when both dates read.</returns>
    public static IResult? Dates(string? fromText, string? toText, out DateOnly from, out DateOnly to)
    {
        (from, to) = (default, default);
        try
        {
            from = InputDates.Parse(fromText ?? string.Empty, "from");
        }
        catch (FormatException error)
        {
            return Problems.Field("from", error.Message);
        }

        try
        {
            to = InputDates.Parse(toText ?? string.Empty, "to");
        }
        catch (FormatException error)
        {
            return Problems.Field("to", error.Message);
        }

        return null;
    }

    /// <returns>The problem with the first exit out of range, or null.</returns>
    public static IResult? Exits(ExitRules exits)
    {
        foreach (string exit in ExitRules.Names)
        {
            if (ExitRules.Check(exit, exits[exit]) is { } outOfRange)
            {
                return Problems.Field(exit, outOfRange);
            }
        }

        return null;
    }
}
