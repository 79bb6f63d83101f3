using System.Diagnostics;
using System.Globalization;

namespace ClaudBot.Testing;

/// <summary>
/// The background node a test's client started (its pid files in the test home's <c>state/run</c>): killed when
/// the test ends, so no node outlives its test. A test that checks stopping uses 'stop' itself first.
/// </summary>
public static class NodeDaemons
{
    /// <summary>The run folder of a home at <paramref name="home"/> (as <c>CLAUDBOT_HOME</c> lays it out).</summary>
    public static string RunFolder(string home) => Path.Combine(home, "state", "run");

    /// <summary>
    /// Kills every process named by a pid file under <paramref name="home"/> and waits for it to end; in a quick
    /// run, throws when the test asked for a node (see <see cref="QuickRun"/>).
    /// </summary>
    public static void KillAll(string home)
    {
        QuickRun.ThrowIfNodeWasRefused(home);
        string folder = RunFolder(home);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (string file in Directory.GetFiles(folder, "*.pid"))
        {
            if (!int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                if (File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("claudbot-node", StringComparison.Ordinal))
                {
                    process.Kill();
                    process.WaitForExit(5000);
                }
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited between the lookup and the kill.
            }
        }
    }
}
