namespace ClaudBot.Ssh;

/// <summary>What a remote command returned: its exit code and what it wrote.</summary>
public sealed record RemoteResult(int ExitCode, string Output, string Error)
{
    /// <summary>The shell could not find the node's folder or program: it is not installed there.</summary>
    public bool NodeMissing => ExitCode == 127 || (ExitCode != 0 && (Error.Contains("No such file or directory", StringComparison.Ordinal) || Error.Contains("can't cd", StringComparison.Ordinal)));
}
