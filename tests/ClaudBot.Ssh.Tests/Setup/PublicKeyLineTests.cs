using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

public sealed class PublicKeyLineTests
{
    private const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Theory]
    [InlineData(Key)]
    [InlineData(Key + " claudbot")]
    [InlineData(Key + " olga@laptop (home) 2026")]
    [InlineData("  " + Key + " claudbot\n")]
    public void AnEd25519Line_IsAccepted_WithTheKeyWithoutItsComment(string text)
    {
        var line = PublicKeyLine.Parse(text);

        Assert.NotNull(line);
        Assert.Equal(Key, line.Key);
        Assert.Equal(text.Trim(), line.Line);
    }

    [Theory]
    [InlineData("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 olga@laptop")]
    [InlineData("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= olga")]
    [InlineData(Key + " it's mine")]
    [InlineData(Key + " \"quoted\"")]
    [InlineData(Key + " back\\slash")]
    [InlineData(Key + " two\nlines")]
    [InlineData(Key + "A")]
    [InlineData(Key + "';touch x;'")]
    [InlineData("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQC7AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public void AnythingElse_IsRefused(string text) => Assert.Null(PublicKeyLine.Parse(text));
}
