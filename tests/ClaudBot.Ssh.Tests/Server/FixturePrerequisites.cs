namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// Fails a start with one clear message when the machine cannot host the fixture, instead of an odd error
/// half way through. CI gets the packages from test.sh; network namespaces also need a root that really
/// holds CAP_SYS_ADMIN and CAP_NET_ADMIN (a VM, or a privileged container).
/// </summary>
internal static class FixturePrerequisites
{
    private static readonly (string Path, string Package)[] Programs =
    [
        ("/usr/sbin/sshd", "openssh-server"),
        ("/usr/bin/ssh-keygen", "openssh-client"),
        ("/usr/sbin/ip", "iproute2"),
        ("/usr/bin/pkill", "procps"),
        ("/usr/sbin/useradd", "passwd"),
        ("/usr/sbin/runuser", "util-linux"),
    ];

    public static void Check()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("The SSH server fixture needs Linux and root (network namespaces, useradd, sshd).");
        }

        string[] missing = [.. Programs.Where(p => !File.Exists(p.Path)).Select(p => $"{p.Path} ({p.Package})")];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"The SSH server fixture needs {string.Join(", ", missing)}: apt-get install openssh-server iproute2 (test.sh does).");
        }
    }
}
