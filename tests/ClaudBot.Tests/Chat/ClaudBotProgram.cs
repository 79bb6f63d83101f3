using System.Diagnostics;

namespace ClaudBot.Tests.Chat;

/// <summary>The built <c>claudbot.dll</c> beside the tests, started the way a user starts it.</summary>
internal static class ClaudBotProgram
{
    public static string Dll
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, "claudbot.dll");
            Assert.True(File.Exists(path), $"{path} should be copied next to the tests");
            return path;
        }
    }

    /// <summary>The dotnet host running the tests (the SDK's, under <c>dotnet test</c>), else the one on the PATH.</summary>
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>
    /// Drops settings inherited from the developer's shell (a <c>CLAUDBOT_Redis__ConnectionString</c> would
    /// point a test at a real cluster) and tmux's own marker, so the child sees only what the test gives it.
    /// </summary>
    public static void ClearInherited(ProcessStartInfo start)
    {
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("CLAUDBOT_", StringComparison.OrdinalIgnoreCase) || k == "TMUX").ToList())
        {
            start.Environment.Remove(name);
        }
    }
}
