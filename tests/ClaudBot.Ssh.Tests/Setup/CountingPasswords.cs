using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>A password source that counts how often setup asked (null gives none, as without a terminal).</summary>
internal sealed class CountingPasswords(string? password) : IPasswordSource
{
    public int Asked { get; private set; }

    public string? Read(string prompt)
    {
        Asked++;
        return password;
    }
}
