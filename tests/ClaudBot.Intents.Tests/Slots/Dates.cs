using System.Globalization;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

/// <summary>The fixed "today" the period tests run on, and ISO dates written as text in test tables.</summary>
internal static class Dates
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateSpan Span(string from, string to) => new(Parse(from), Parse(to));
}
