using System.CommandLine;
using ClaudBot.Hosting;

namespace ClaudBot.Node.Commands;

/// <summary><c>cleanup --keep N</c>: removes finished jobs beyond the newest N, with their results files.</summary>
internal static class CleanupCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var keep = new Option<int>("--keep") { Description = "Finished jobs to keep, newest first", DefaultValueFactory = _ => 20 };
        var command = new Command("cleanup", "Remove old finished jobs and their results files.") { keep };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (client, ct) =>
        {
            int count = parse.GetValue(keep);
            if (count < 0)
            {
                await error.WriteLineAsync("Error: --keep must be 0 or more.");
                return ExitCodes.BadInput;
            }

            var removed = await client.CleanupAsync(count, ct);
            await output.WriteLineAsync(removed.Count == 0 ? "Nothing to remove." : $"Removed {removed.Count} jobs: {string.Join(", ", removed)}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
