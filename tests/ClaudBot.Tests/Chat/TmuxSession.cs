using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ClaudBot.Testing;

namespace ClaudBot.Tests.Chat;

/// <summary>
/// A program in a real pseudo-terminal (160x50): one detached session on a tmux server of its own
/// (<c>-L</c> with a unique socket, no user config), keys sent with <c>send-keys</c>, the screen read
/// with <c>capture-pane</c>. The pane stays after the program ends, so a test can see that it ended.
/// Disposing kills the server and waits for the program to end.
/// </summary>
internal sealed class TmuxSession : IAsyncDisposable
{
    public const int Width = 160;
    public const int Height = 50;
    private const string Target = "s";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _socket;
    private readonly int _pid;
    private readonly string? _socketPath;

    private TmuxSession(string socket, int pid, string? socketPath)
    {
        _socket = socket;
        _pid = pid;
        _socketPath = socketPath;
    }

    /// <summary>Starts <paramref name="command"/> (program and arguments) with <paramref name="environment"/> added to its environment.</summary>
    public static async Task<TmuxSession> StartAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        QuickRun.Refuse("tmux");
        string socket = "claudbot-test-" + Guid.NewGuid().ToString("N")[..12];

        // exec: the program itself is the pane's process, alone in the terminal's foreground process group as when a shell starts it.
        string shell = string.Join(' ', ["exec", "env", .. environment.Select(v => Quote($"{v.Key}={v.Value}")), .. command.Select(Quote)]);
        await TmuxAsync(socket,
            "-f", "/dev/null", "new-session", "-d", "-x", Width.ToString(CultureInfo.InvariantCulture), "-y", Height.ToString(CultureInfo.InvariantCulture),
            "-s", Target, "-c", workingDirectory, shell,
            ";", "set-option", "-g", "remain-on-exit", "on");
        var session = new TmuxSession(socket, pid: 0, socketPath: null);
        try
        {
            string[] pane = (await TmuxAsync(socket, "display-message", "-p", "-t", Target, "#{pane_pid} #{socket_path}")).Trim().Split(' ', 2);
            return new TmuxSession(socket, int.Parse(pane[0], CultureInfo.InvariantCulture), pane[1]);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>tmux key names (<c>Enter</c>, <c>Up</c>, <c>C-c</c>, <c>C-d</c>); anything else is typed as it is.</summary>
    public async Task SendKeysAsync(params string[] keys) => await TmuxAsync(_socket, ["send-keys", "-t", Target, .. keys]);

    /// <summary>Types <paramref name="text"/> literally, key names included.</summary>
    public async Task TypeAsync(string text) => await TmuxAsync(_socket, "send-keys", "-t", Target, "-l", text);

    /// <summary>The visible screen and up to 200 lines of scrollback, wrapped lines joined.</summary>
    public async Task<Screen> ScreenAsync() => new(await TmuxAsync(_socket, "capture-pane", "-p", "-J", "-S", "-200", "-t", Target));

    /// <summary>
    /// Whether the program has ended, and its exit status when tmux caught it: tmux 3.3 sometimes reads the
    /// end of the terminal before the program's exit and then never records the status.
    /// </summary>
    public async Task<PaneState> PaneAsync()
    {
        string[] pane = (await TmuxAsync(_socket, "display-message", "-p", "-t", Target, "#{pane_dead} #{pane_dead_status}")).Trim().Split(' ');
        return new PaneState(pane[0] == "1", pane.Length > 1 && pane[1].Length > 0 ? int.Parse(pane[1], CultureInfo.InvariantCulture) : null);
    }

    /// <summary>
    /// Polls the screen every 50 ms until <paramref name="until"/> holds; fails with the last screen after
    /// <paramref name="timeout"/>, or at once when the program has ended.
    /// </summary>
    public async Task<Screen> WaitForScreenAsync(Func<Screen, bool> until, TimeSpan timeout, string waitingFor)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var screen = await ScreenAsync();
            if (until(screen))
            {
                return screen;
            }

            if (await PaneAsync() is { Dead: true } pane)
            {
                Assert.Fail($"The program ended (exit status {pane.ExitStatus?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}) while waiting for {waitingFor}. Screen:\n{screen}");
            }

            if (elapsed.Elapsed > timeout)
            {
                Assert.Fail($"Waited {timeout.TotalSeconds:0.#} s for {waitingFor}. Screen:\n{screen}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits for the program to end; fails with the screen if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<PaneState> WaitForExitAsync(TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (await PaneAsync() is { Dead: true } pane)
            {
                return pane;
            }

            if (elapsed.Elapsed > timeout)
            {
                Assert.Fail($"The program still runs after {timeout.TotalSeconds:0.#} s. Screen:\n{await ScreenAsync()}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync(_socket, "kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is already gone.
        }

        // tmux 3.3 leaves the socket file of a killed server behind.
        if (_socketPath is not null)
        {
            File.Delete(_socketPath);
        }

        // kill-server hangs up the pane; wait for the program to go, so the test's folder can be deleted.
        if (_pid == 0)
        {
            return;
        }

        try
        {
            using var program = Process.GetProcessById(_pid);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await program.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                program.Kill(entireProcessTree: true);
            }
        }
        catch (ArgumentException)
        {
            // It has ended already.
        }
    }

    private static async Task<string> TmuxAsync(string socket, params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        ClaudBotProgram.ClearInherited(start);

        // The pane's command line is run by the default shell, which is $SHELL: the same one everywhere.
        start.Environment["SHELL"] = "/bin/sh";
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(socket);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Start(start);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception missing)
        {
            throw new InvalidOperationException("tmux did not start; these tests need the tmux package.", missing);
        }
    }

    // POSIX shell single quotes: nothing inside is special except the quote itself.
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Whether the pane's program has ended, and its exit status if known.</summary>
    public readonly record struct PaneState(bool Dead, int? ExitStatus);
}
