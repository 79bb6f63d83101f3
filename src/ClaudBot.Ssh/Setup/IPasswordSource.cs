namespace ClaudBot.Ssh.Setup;

/// <summary>
/// The server account's password, asked for only when needed (key login does not work yet, or sudo needs
/// it) and at most once: it is kept in memory for this run only, never written, logged or put on a command line.
/// </summary>
public interface IPasswordSource
{
    /// <summary>The password, or null when there is no way to get one (no terminal and no --password-stdin).</summary>
    string? Read(string prompt);
}
