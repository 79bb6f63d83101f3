namespace ClaudBot.Dashboard.Security;

/// <summary>A short, printable excerpt of a client-supplied value for a message or a log line.</summary>
internal static class Excerpt
{
    private const int Limit = 64;

    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var chars = value.Length <= Limit ? value.ToCharArray() : value[..Limit].ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return value.Length <= Limit ? new string(chars) : new string(chars) + "…";
    }
}
