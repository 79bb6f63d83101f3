using Renci.SshNet;
using Renci.SshNet.Common;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The client's key pair at <c>--identity</c>: kept when it exists (it must be an ed25519 key without a
/// passphrase), created with <c>ssh-keygen</c> after asking when it does not.
/// </summary>
public sealed class KeyPairStep : ISetupStep
{
    public string Name => "SSH key";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string path = context.Options.Target.ResolveIdentityFile();
        if (File.Exists(path))
        {
            CheckReadable(path);
            context.PublicKey = await PublicLineAsync(path, cancellationToken);
            return StepReport.Already(Name, $"{path} exists (ed25519)");
        }

        if (!context.Options.Yes && !context.Console.Confirm($"There is no SSH key at {path}. Create one (ed25519, no passphrase, for ClaudBot)?"))
        {
            throw new SetupException($"No SSH key at {path}, and none was created. Run again and answer yes (or add --yes), or point --identity at an existing ed25519 key.");
        }

        string folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var made = await LocalProcess.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path, "-C", "claudbot"], cancellationToken)
            ?? throw new SetupException("ssh-keygen was not found. Install the OpenSSH client (Debian/Ubuntu: sudo apt install openssh-client) and run setup again.");
        if (made.ExitCode != 0)
        {
            throw new SetupException($"ssh-keygen could not create {path}: {(made.Error + made.Output).Trim()}");
        }

        context.PublicKey = await PublicLineAsync(path, cancellationToken);
        return StepReport.Done(Name, $"created {path} and {path}.pub (ed25519)");
    }

    // The ssh target reads the key with SSH.NET, without a passphrase: say so now rather than on the first request.
    private static void CheckReadable(string path)
    {
        try
        {
            using var key = new PrivateKeyFile(path);
        }
        catch (Exception unreadable) when (unreadable is SshException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new SetupException($"The SSH key {path} cannot be used ({unreadable.Message}): ClaudBot needs an OpenSSH private key without a passphrase. Point --identity at a new path and setup creates one.", unreadable);
        }
    }

    // The .pub beside the key, or what ssh-keygen derives from the private key when there is none.
    private static async Task<PublicKeyLine> PublicLineAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        if (File.Exists(path + ".pub"))
        {
            text = await File.ReadAllTextAsync(path + ".pub", cancellationToken);
        }
        else
        {
            var derived = await LocalProcess.RunAsync("ssh-keygen", ["-y", "-f", path], cancellationToken)
                ?? throw new SetupException($"{path}.pub is missing and ssh-keygen (to derive it) was not found. Install the OpenSSH client.");
            text = derived.Output;
        }

        return PublicKeyLine.Parse(text)
            ?? throw new SetupException($"{path} is not an ed25519 key (its public key is '{text.Split(' ')[0].Trim()}'), or its .pub has an unusual comment. ClaudBot installs ed25519 keys only: point --identity at a new path and setup creates one.");
    }
}
