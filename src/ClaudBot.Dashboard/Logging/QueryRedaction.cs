using System.Text.RegularExpressions;

namespace ClaudBot.Dashboard.Logging;

/// <summary>
/// Removes token values from URLs in log text. The dashboard never accepts a token in the query string,
/// but a client may still send one (<c>?token=</c>, <c>?access_token=</c>), and ASP.NET Core logs the
/// request's URL (at Information and below) before any middleware could refuse it.
/// </summary>
internal static partial class QueryRedaction
{
    public const string Redacted = "[redacted]";

    public static bool Applies(string? text) => text is not null && TokenParameter().IsMatch(text);

    public static string Apply(string text) => TokenParameter().Replace(text, Redacted);

    // The value after token= (any case, any prefix such as access_), up to the next parameter or the end.
    [GeneratedRegex(@"(?<=[?&;][A-Za-z_]*token=)[^&#\s'""]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenParameter();
}
