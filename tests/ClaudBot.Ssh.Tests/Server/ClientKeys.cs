namespace ClaudBot.Ssh.Tests.Server;

/// <summary>Client key pairs as a user would make them: <c>ssh-keygen -t ed25519 -N ''</c>, OpenSSH format.</summary>
public static class ClientKeys
{
    /// <summary>Writes <c>FOLDER/NAME</c> (private, mode 600) and <c>FOLDER/NAME.pub</c>.</summary>
    /// <returns>The private key's path, and the public line (<c>ssh-ed25519 AAAA… comment</c>) for authorized_keys.</returns>
    public static async Task<(string PrivatePath, string PublicLine)> CreateAsync(
        string folder, string name = "id_ed25519", CancellationToken ct = default)
    {
        string path = Path.Combine(folder, name);
        await HostCommand.RunCheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", $"claudbot-test-{name}", "-f", path], ct: ct);
        return (path, (await File.ReadAllTextAsync(path + ".pub", ct)).Trim());
    }
}
