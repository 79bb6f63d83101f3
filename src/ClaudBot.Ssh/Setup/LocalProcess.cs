using System.ComponentModel;
using System.Diagnostics;

namespace ClaudBot.Ssh.Setup;

/// <summary>Runs a program on this machine with its arguments as a list (never through a shell).</summary>
internal static class LocalProcess
{
    /// <summary>Exit code and output (stdout and stderr), or null when the program is not installed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)?> RunAsync(
        string program, IEnumerable<string> arguments, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SetupException($"{program} did not start.");
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
