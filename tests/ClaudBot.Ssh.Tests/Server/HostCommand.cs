using System.Diagnostics;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// Runs host programs (ip, useradd, ssh-keygen, sshd…) with their arguments as a list, never through a
/// shell, so names and paths need no quoting.
/// </summary>
internal static class HostCommand
{
    public static Task<HostCommandResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct = default) =>
        RunAsync(program, arguments, standardInput: null, workingDirectory: null, ct);

    public static async Task<HostCommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, string? standardInput, string? workingDirectory, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "/",
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), ct);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(ct);
            return new HostCommandResult(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Runs the program and returns its standard output; a non-zero exit throws with its standard error.</summary>
    /// <remarks>Arguments appear in the exception message, so secrets go through standard input instead.</remarks>
    public static async Task<string> RunCheckedAsync(
        string program, IReadOnlyList<string> arguments, string? standardInput = null, CancellationToken ct = default)
    {
        var result = await RunAsync(program, arguments, standardInput, workingDirectory: null, ct);
        return result.Succeeded
            ? result.Output
            : throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error.Trim()}");
    }
}
