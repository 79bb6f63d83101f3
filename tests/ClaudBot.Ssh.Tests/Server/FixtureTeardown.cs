using System.Diagnostics;
using System.Globalization;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// Removes everything one fixture id may have left, in an order that works whatever step its start reached:
/// the user's processes, every process in the namespace (sshd and its sessions), the veth pair, the
/// namespace, the user and its home, the folder. Each step is best effort; this never throws.
/// </summary>
internal static class FixtureTeardown
{
    private const string LiveStates = "R,S,D,T,t,W,P,I";

    public static async Task RunAsync(FixtureNames names)
    {
        await BestEffortAsync(() => KillUserProcessesAsync(names.User, pattern: null, CancellationToken.None));
        await BestEffortAsync(() => KillNamespaceProcessesAsync(names.Namespace));
        await BestEffortAsync(() => new SshDaemon(names).KillAsync(CancellationToken.None));
        // Deleting the host end removes both ends now; the namespace's own cleanup would do it later, asynchronously.
        await BestEffortAsync(() => HostCommand.RunAsync("ip", ["link", "del", names.HostVeth]));
        await BestEffortAsync(() => HostCommand.RunAsync("ip", ["netns", "del", names.Namespace]));
        await BestEffortAsync(() => UserAccount.DeleteAsync(names));
        await BestEffortAsync(() =>
        {
            if (Directory.Exists(names.Folder))
            {
                Directory.Delete(names.Folder, recursive: true);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>SIGKILL to the user's processes (or those whose command line matches), repeated until none run.</summary>
    public static async Task KillUserProcessesAsync(string user, string? pattern, CancellationToken ct)
    {
        // Every state but zombie: orphans are re-parented to PID 1, and in a container PID 1 may never reap them.
        string[] select = pattern is null ? ["-u", user, "-r", LiveStates] : ["-u", user, "-r", LiveStates, "-f", pattern];
        await KillUntilNoneAsync(select, ct);
    }

    /// <summary>
    /// SIGKILL to every sshd process serving the user's sessions: the user's own child and the root-owned monitor
    /// ("sshd: user [priv]"), so the connection itself ends, whatever the OpenSSH version names them.
    /// </summary>
    public static Task KillSessionsAsync(string user, CancellationToken ct) =>
        KillUntilNoneAsync(["-r", LiveStates, "-f", $"^sshd(-session)?: {user}( |@|$)"], ct);

    private static async Task KillUntilNoneAsync(string[] select, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            // pkill: 0 = signalled some, 1 = none matched, 2 = no such user (teardown after a half-done start).
            var killed = await HostCommand.RunAsync("pkill", ["-KILL", .. select], ct);
            if (killed.ExitCode != 0)
            {
                return;
            }

            await Task.Delay(20, ct);
        }
    }

    private static async Task KillNamespaceProcessesAsync(string ns)
    {
        for (int round = 0; round < 50; round++)
        {
            var listed = await HostCommand.RunAsync("ip", ["netns", "pids", ns]);
            int[] pids = [.. listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
            if (!listed.Succeeded || pids.Length == 0)
            {
                return;
            }

            foreach (int pid in pids)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }

            await Task.Delay(20);
        }
    }

    private static async Task BestEffortAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
#pragma warning disable CA1031 // Teardown must go on to the next step whatever one step throws.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
