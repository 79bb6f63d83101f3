namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>A fact that needs Debian's chromium; skipped, saying so, when it is not installed (test.sh installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            Skip = $"{Chromium.ExecutablePath} is missing: install Debian's chromium (apt-get install chromium; test.sh does) to run the browser tests.";
        }
    }
}
