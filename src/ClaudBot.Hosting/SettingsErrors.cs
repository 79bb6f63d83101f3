using Microsoft.Extensions.Options;

namespace ClaudBot.Hosting;

/// <summary>Turns a failed settings validation into one line a user can act on.</summary>
public static class SettingsErrors
{
    public static string Describe(OptionsValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return "Configuration is invalid: " + string.Join("; ", error.Failures.Select(Reason));
    }

    // DataAnnotations failures read "DataAnnotation validation failed for 'X' members: 'P' with the error: 'reason'."
    private static string Reason(string failure)
    {
        const string Marker = "with the error: '";
        int at = failure.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? failure : failure[(at + Marker.Length)..].TrimEnd('.', '\'');
    }
}
