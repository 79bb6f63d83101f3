using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClaudBot.Tests.Chat;

/// <summary>What a script sees of one <c>claudbot</c> command: exit code and both outputs (redirected, so 80 columns wide).</summary>
internal sealed partial record OneShot(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout and stderr with every run of whitespace made one space, so a phrase wrapped at 80 columns still matches.</summary>
    public string Flat => Flatten($"{Stdout} {Stderr}");

    /// <summary>Lines of a .NET stack trace, or an exception's type name, anywhere in the output.</summary>
    public bool ShowsStackTrace => Stdout.Contains("   at ", StringComparison.Ordinal) || Stderr.Contains("   at ", StringComparison.Ordinal) || Flat.Contains("Exception", StringComparison.Ordinal);

    public static Task<OneShot> RunAsync(IsolatedState state, params string[] args) => RunAsync(state, args, interruptAfter: null);

    /// <summary>
    /// Runs claudbot to its end; with <paramref name="interruptAfter"/>, sends it SIGINT (what Ctrl+C sends)
    /// once a line of its stdout matches.
    /// </summary>
    public static async Task<OneShot> RunAsync(IsolatedState state, string[] args, Func<string, bool>? interruptAfter)
    {
        var start = new ProcessStartInfo(ClaudBotProgram.Host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = state.Folder,
        };
        ClaudBotProgram.ClearInherited(start);
        foreach (var (name, value) in state.Variables)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(ClaudBotProgram.Dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var interrupt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (stdout)
                {
                    stdout.Append(line).Append('\n');
                }

                if (interruptAfter?.Invoke(line) == true)
                {
                    interrupt.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.Append(e.Data is null ? string.Empty : e.Data + "\n");
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var exited = process.WaitForExitAsync(timeout.Token);
            if (await Task.WhenAny(exited, interrupt.Task) == interrupt.Task)
            {
                await SignalInterruptAsync(process.Id);
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (stdout)
        {
            return new OneShot(process.ExitCode, stdout.ToString(), stderr.ToString());
        }
    }

    public static string Flatten(string text) => Whitespace().Replace(text, " ").Trim();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    // .NET has no API to send a signal; kill(1) does it for the child this test started.
    private static async Task SignalInterruptAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-s", "INT", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
