using System.CommandLine;
using System.Reflection;
using ClaudBot.Hosting;

namespace ClaudBot.Node.Commands;

/// <summary><c>version</c>: the node's version (what the SSH target checks to tell "not installed" from "down").</summary>
internal static class VersionCommand
{
    public static string Current =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static Command Create(TextWriter output)
    {
        var command = new Command("version", "Print the node's version.");
        command.SetAction(async (_, _) =>
        {
            await output.WriteLineAsync($"claudbot-node {Current}");
            return ExitCodes.Success;
        });
        return command;
    }
}
