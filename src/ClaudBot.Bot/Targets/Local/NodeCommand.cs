using System.Diagnostics;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Targets.Local;

/// <summary>One run of a <c>claudbot-node</c> command on this machine: its exit code and what it printed.</summary>
public sealed record NodeCommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>The first non-empty line of the output or the error, for replies.</summary>
    public string FirstLine => (Output + "\n" + Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;

    /// <summary>The pids in lines like "Started driver (PID: 123)" or "Already running: worker-1 (PID: 456)".</summary>
    public IReadOnlyList<string> ProcessLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(l => l.Contains("(PID: ", StringComparison.Ordinal)).ToList();

    public static async Task<NodeCommandResult> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new ClusterTargetException("Could not start claudbot-node.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new ClusterTargetException($"claudbot-node {string.Join(' ', start.ArgumentList.SkipWhile(a => a != "start" && a != "stop"))} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new NodeCommandResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
