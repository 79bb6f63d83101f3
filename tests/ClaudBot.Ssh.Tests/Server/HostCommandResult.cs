namespace ClaudBot.Ssh.Tests.Server;

/// <summary>What a finished host command left: its exit code, standard output and standard error.</summary>
internal readonly record struct HostCommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}
