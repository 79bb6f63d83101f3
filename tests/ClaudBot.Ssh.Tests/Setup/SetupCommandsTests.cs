using System.Diagnostics;
using ClaudBot.Ssh.Setup;
using ClaudBot.Testing;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// The fixed commands setup sends to the server, run here by bash in a temp folder standing in for the
/// home: what they create, that they change nothing the second time, and that quoted values stay data.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SetupCommandsTests : IDisposable
{
    // An ed25519 public key (all-zero key bytes) with a comment a shell would love to run.
    private const string Line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA olga@laptop $(touch pwned); rm -rf ~";

    private readonly Testing.TempDirectory _home = new("claudbot-setup-home-");

    private string AuthorizedKeys => _home.Combine(".ssh/authorized_keys");

    [Fact]
    public async Task AuthorizeKey_CreatesTheFolderAndFile_WithTheirModes_AppendsTheLineOnce_AndRunsNothingInIt()
    {
        var key = PublicKeyLine.Parse(Line)!;

        var (first, said) = await BashAsync(SetupCommands.AuthorizeKey(key).Text);
        var (second, saidAgain) = await BashAsync(SetupCommands.AuthorizeKey(key).Text);

        Assert.Equal((0, "added"), (first, said.Trim()));
        Assert.Equal((0, "present"), (second, saidAgain.Trim()));
        Assert.Equal(Line + "\n", await File.ReadAllTextAsync(AuthorizedKeys));
        Assert.Equal(OwnerOnlyModes.Folder, File.GetUnixFileMode(_home.Combine(".ssh")));
        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(AuthorizedKeys));
        Assert.False(File.Exists(_home.Combine("pwned")));
        Assert.True(Directory.Exists(_home.Path));
    }

    [Fact]
    public async Task AuthorizeKey_KeepsExistingKeys_AndStartsANewLineAfterAnUnterminatedOne()
    {
        Directory.CreateDirectory(_home.Combine(".ssh"));
        await File.WriteAllTextAsync(AuthorizedKeys, "ssh-rsa AAAAB3Nza other@box");

        var (exit, _) = await BashAsync(SetupCommands.AuthorizeKey(PublicKeyLine.Parse(Line)!).Text);

        Assert.Equal(0, exit);
        Assert.Equal($"ssh-rsa AAAAB3Nza other@box\n{Line}\n", await File.ReadAllTextAsync(AuthorizedKeys));
    }

    [Fact]
    public async Task AuthorizeKey_FindsTheKeyUnderAnotherComment_AndAddsNothing()
    {
        Directory.CreateDirectory(_home.Combine(".ssh"));
        var key = PublicKeyLine.Parse(Line)!;
        await File.WriteAllTextAsync(AuthorizedKeys, key.Key + " added-by-hand\n");

        var (exit, said) = await BashAsync(SetupCommands.AuthorizeKey(key).Text);

        Assert.Equal((0, "present"), (exit, said.Trim()));
        Assert.Equal(key.Key + " added-by-hand\n", await File.ReadAllTextAsync(AuthorizedKeys));
    }

    [Fact]
    public async Task Checksums_GivesHashAndModeOfTheNamedFilesOnly_WhateverTheirNames()
    {
        string node = Directory.CreateDirectory(_home.Combine("claudbot")).FullName;
        await File.WriteAllTextAsync(Path.Combine(node, "M&M.csv"), "a");
        await File.WriteAllTextAsync(Path.Combine(node, "it's here.txt"), "b");
        await File.WriteAllTextAsync(Path.Combine(node, "notes.txt"), "user's own");
        File.SetUnixFileMode(Path.Combine(node, "M&M.csv"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exit, listed) = await BashAsync(SetupCommands.Checksums("claudbot", ["M&M.csv", "it's here.txt", "missing.dll"]).Text);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  M&M.csv",
                "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  it's here.txt",
                "--modes--",
                "700 M&M.csv",
                "644 it's here.txt",
            ],
            listed.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Checksums_InAFolderThatIsNotThere_ListNothing_AndSucceed()
    {
        var (exit, listed) = await BashAsync(SetupCommands.Checksums("claudbot", ["claudbot-node"]).Text);

        Assert.Equal((0, string.Empty), (exit, listed));
    }

    [Fact]
    public async Task Facts_RunByBashHere_DescribeThisMachine()
    {
        var (exit, said) = await BashAsync(SetupCommands.Facts.Text);
        var facts = ServerFacts.Parse(said);

        Assert.Equal(0, exit);
        Assert.Equal(Environment.ProcessorCount, facts.Cores);
        Assert.Equal("x86_64", facts.Architecture);
        Assert.Equal("linux-x64", facts.RuntimeIdentifier);
        Assert.StartsWith("Linux ", facts.Kernel, StringComparison.Ordinal);
        Assert.InRange(facts.MemoryKb, 1024 * 1024, 1L << 40);
        Assert.True(facts.DiskFreeKb > 0);
        Assert.Contains(Environment.Version.ToString(3), facts.DotnetRuntimes);
    }

    [Fact]
    public void InstallRedis_TakesSudosPasswordOnStdin_AndInstallsOnlyRedis()
    {
        string text = SetupCommands.InstallRedis.Text;

        Assert.StartsWith("sudo -S -p '' sh -c '", text, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y -q redis-server && systemctl enable --now redis-server", text, StringComparison.Ordinal);
        Assert.Equal("sudo -n true 2>/dev/null", SetupCommands.SudoWithoutPassword.Text);
    }

    [Theory]
    [InlineData("[sudo] password for olga: Sorry, try again.\nsudo: 3 incorrect password attempts", "sudo on olga@i7 refused the password. Nothing was installed.")]
    [InlineData("olga is not in the sudoers file.  This incident will be reported.", "Your user may not use sudo on olga@i7: ask its administrator to run 'sudo apt install redis-server', or leave out --redis to use the embedded server.")]
    [InlineData("E: Unable to locate package redis-server", "Installing redis-server failed (exit 100): E: Unable to locate package redis-server")]
    public void RedisInstallFailures_AreExplained(string error, string expected) =>
        Assert.Equal(expected, Ssh.Setup.Steps.RedisStep.Explain(new RemoteResult(100, string.Empty, error), "olga@i7"));

    [Fact]
    public void TheSystemdUnit_IsNotifyType_RunsTheNodeFromItsFolder_AndRestartsItOnFailure()
    {
        string unit = SystemdUnit.Text("apps/claudbot");

        Assert.Contains("\n[Service]\nType=notify\nWorkingDirectory=", unit, StringComparison.Ordinal);

        Assert.Contains("\nWorkingDirectory=%h/apps/claudbot\nExecStart=%h/apps/claudbot/claudbot-node run --pid-file\nEnvironment=DOTNET_TieredCompilation=0\nRestart=on-failure\n", unit, StringComparison.Ordinal);
        Assert.Contains("\n[Install]\nWantedBy=default.target\n", unit, StringComparison.Ordinal);
        Assert.Equal(".config/systemd/user/claudbot-node.service", SystemdUnit.Path);
    }

    public void Dispose() => _home.Dispose();

    private async Task<(int ExitCode, string Output)> BashAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _home.Path };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["HOME"] = _home.Path;
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
