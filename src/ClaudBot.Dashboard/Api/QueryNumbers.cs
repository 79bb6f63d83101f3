using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ClaudBot.Dashboard.Api;

/// <summary>Whole-number query parameters with a range; a bad one becomes a 400 naming it.</summary>
internal static class QueryNumbers
{
    public static bool TryParse(string? text, string name, int fallback, int min, int max, out int value, out IResult? problem)
    {
        problem = null;
        if (text is null)
        {
            value = fallback;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        problem = Problems.Field(name, $"'{text}' is not a valid {name}: use a whole number from {min} to {max}.");
        return false;
    }
}
