using Renci.SshNet.Common;

namespace ClaudBot.Ssh;

/// <summary>
/// Decides on the server's host key during the key exchange. SSH.NET trusts every key unless told not to, so
/// every outcome sets <see cref="HostKeyEventArgs.CanTrust"/>: the key recorded in known_hosts is trusted; a
/// different one is refused (a changed key); a new one is trusted only if <paramref name="acceptNew"/> says so
/// (a fingerprint given on the command line, or --yes), otherwise refused so the user can be asked first.
/// </summary>
internal sealed class HostKeyCheck(KnownHosts knownHosts, string host, int port, Func<string, bool> acceptNew)
{
    /// <summary>The key the server showed (type, bytes), once it has shown one.</summary>
    public (string Type, byte[] Key)? Seen { get; private set; }

    /// <summary>The key recorded before this connection, if any.</summary>
    public (string Type, byte[] Key)? Recorded { get; } = knownHosts.Find(host, port);

    /// <summary>The server showed a key other than the recorded one.</summary>
    public bool Changed { get; private set; }

    /// <summary>A new key was trusted on this connection (and should be recorded).</summary>
    public bool AcceptedNew { get; private set; }

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Seen = (e.HostKeyName, e.HostKey);
        if (Recorded is { } recorded)
        {
            bool same = recorded.Type == e.HostKeyName && recorded.Key.AsSpan().SequenceEqual(e.HostKey);
            Changed = !same;
            e.CanTrust = same;
            return;
        }

        AcceptedNew = acceptNew(KnownHosts.Fingerprint(e.HostKey));
        e.CanTrust = AcceptedNew;
    }

    /// <summary>The refusal for a changed key: both fingerprints, and how to fix known_hosts if the change is expected.</summary>
    public string ChangedMessage()
    {
        var (oldType, oldKey) = Recorded!.Value;
        var (newType, newKey) = Seen!.Value;
        return $"The host key of {host} has CHANGED: {knownHosts.Path} has {KnownHosts.Fingerprint(oldKey)} ({oldType}), the server now shows {KnownHosts.Fingerprint(newKey)} ({newType}). "
            + $"If the server was reinstalled or its keys were regenerated, remove the line starting with '{KnownHosts.Name(host, port)}' from {knownHosts.Path} "
            + "and run setup again (it will show the new fingerprint); otherwise someone may be between you and the server: do not go on.";
    }
}
