using System.CommandLine;

namespace ClaudBot.Commands;

/// <summary><c>claudbot data ...</c>: the user's own market data (push to the server).</summary>
internal static class DataCommand
{
    public static Command Create(CliConsoles consoles) =>
        new("data", "The market data in this home: send it to the server.") { DataPushCommand.Create(consoles) };
}
