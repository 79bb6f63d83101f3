using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

public sealed class SetupOptionsTests
{
    private static readonly SetupOptions Good = new() { Host = "i7", User = "olga" };

    [Fact]
    public void GoodArguments_HaveNoErrors() => Assert.Empty(Good.Validate());

    [Fact]
    public void EachBadArgument_IsNamedByItsFlag_WithWhatToTypeInstead()
    {
        var bad = Good with { Host = "i7; rm -rf /", User = "Olga", Port = 0, RemoteDirectory = "../etc", TrustHostKey = "MD5:aa:bb", NodeDirectory = "/no/such/folder" };

        Assert.Equal(
            [
                "--host must be a host name or an IP address.",
                "--user must be a Linux user name (lower-case letters, digits, '_' and '-').",
                "--port must be between 1 and 65535.",
                "--remote-dir may hold only letters, digits, '.', '_', '/', '-' and no '..'.",
                "--trust-host-key must be a SHA256 fingerprint as ssh-keygen -l prints it (SHA256: and 43 base64 characters), not 'MD5:aa:bb'.",
                "--node-dir /no/such/folder does not exist.",
            ],
            bad.Validate());
    }

    [Fact]
    public void AMissingHostOrUser_SaysWhichFlagOrVariableToSet() =>
        Assert.Equal(
            ["--host is required (the server's name or address), or set WORKER_HOST.", "--user is required (your user on the server), or set WORKER_USER."],
            (Good with { Host = "", User = " " }).Validate().Take(2));

    [Theory]
    [InlineData("SHA256:7HD6oGcTrGWHIDvGs2abnU9XS6KQQHrbv7xa+fyziWI", "SHA256:7HD6oGcTrGWHIDvGs2abnU9XS6KQQHrbv7xa+fyziWI")]
    [InlineData("7HD6oGcTrGWHIDvGs2abnU9XS6KQQHrbv7xa+fyziWI", "SHA256:7HD6oGcTrGWHIDvGs2abnU9XS6KQQHrbv7xa+fyziWI")]
    [InlineData("SHA256:7HD6oGcTrGWHIDvGs2abnU9XS6KQQHrbv7xa+fyziWI=", "SHA256:7HD6oGcTrGWHIDvGs2abnU9XS6KQQHrbv7xa+fyziWI")]
    public void TheExpectedFingerprint_IsWrittenAsSshKeygenPrintsIt(string typed, string expected)
    {
        var options = Good with { TrustHostKey = typed };

        Assert.Empty(options.Validate());
        Assert.Equal(expected, options.ExpectedFingerprint);
    }
}
