using System.Text.Json.Nodes;
using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Tests.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using static ClaudBot.Ssh.Setup.StepOutcome;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// <c>claudbot setup</c> in-process against a real sshd in a network namespace: from nothing to a node that
/// runs, then again changing nothing; refusals (changed host key, wrong password, unknown fingerprint) that
/// leave the server untouched; and an upload of only what changed.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(SetupServerGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SetupServerTests(PublishedNode node, ITestOutputHelper output)
{
    private static readonly string[] StepNames = [.. SetupRunner.Steps.Select(s => s.Name)];

    [Fact]
    public async Task FromScratch_EveryStepRuns_ThenASecondRunChangesNothing_AndTheWrittenSettingsReachTheNode()
    {
        output.WriteLine($"claudbot-node published once for the run in {node.PublishTime.TotalSeconds:0.0} s");
        await using var scene = await SetupScene.StartAsync();
        int dashboard = Testing.TestPorts.Free();
        await File.WriteAllTextAsync(scene.SettingsFile, $$"""{ "Backtest": { "CostBps": 5 }, "Target": { "Ssh": { "DashboardPort": {{dashboard}} } } }""");
        var options = scene.Options(node.Folder) with { Yes = true };
        var passwords = new CountingPasswords(scene.Server.Password);
        Directory.CreateDirectory(scene.UserData);
        await File.WriteAllTextAsync(Path.Combine(scene.UserData, "ZZIMPORTED.csv"), "Date,Open,High,Low,Close,Volume\n2020-01-01,1,2,0.5,1.5,100\n");

        var (first, console) = await SetupScene.RunAsync(options, passwords);
        output.WriteLine(console.Text);
        output.WriteLine($"setup from scratch: {first.Elapsed.TotalSeconds:0.0} s, {first.FilesUploaded} files");

        Assert.True(first.Succeeded, console.Text);
        Assert.Equal(StepNames, first.Steps.Select(s => s.Step));
        Assert.Equal([Done, Done, Done, Already, Already, Done, Done, Done, Already, Done, Already, Done], first.Steps.Select(s => s.Outcome));
        Assert.Equal(1, passwords.Asked);
        Assert.Empty(console.Questions);
        int programFiles = Directory.EnumerateFiles(node.Folder, "*", SearchOption.AllDirectories).Count(f => !f.Contains("/data/", StringComparison.Ordinal)) - 1;
        int dataFiles = Directory.EnumerateFiles(Path.Combine(node.Folder, "data")).Count(f => f.EndsWith(".csv", StringComparison.Ordinal) || Path.GetFileName(f) is "LICENSE" or "SOURCE.md");
        Assert.Equal(programFiles + dataFiles + 1 + 1, first.FilesUploaded);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(scene.UserData, "ZZIMPORTED.csv")), await File.ReadAllBytesAsync(Path.Combine(scene.RemoteUserData, "ZZIMPORTED.csv")));

        // The key was made here and installed there once; the host key recorded; the node executable; the settings merged.
        string publicLine = (await File.ReadAllTextAsync(scene.Identity + ".pub")).Trim();
        Assert.EndsWith(" claudbot", publicLine, StringComparison.Ordinal);
        Assert.Equal([publicLine], await File.ReadAllLinesAsync(UserAccount.AuthorizedKeys(scene.Server.Home)));
        Assert.Equal($"{scene.Server.Address} {scene.Server.HostKeyPublicLine}", (await File.ReadAllTextAsync(scene.KnownHostsFile)).Trim());
        Assert.True((File.GetUnixFileMode(Path.Combine(scene.RemoteNode, "claudbot-node")) & UnixFileMode.UserExecute) != 0);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(node.Folder, "data", "TCS.csv")), await File.ReadAllBytesAsync(Path.Combine(scene.RemoteNode, "data", "TCS.csv")));
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(scene.SettingsFile))!;
        Assert.Equal(5, (int)settings["Backtest"]!["CostBps"]!);
        Assert.Equal("ssh", (string?)settings["Target"]!["Kind"]);
        var ssh = settings["Target"]!["Ssh"]!;
        Assert.Equal(
            [scene.Server.Address, scene.Server.User, scene.Identity, scene.KnownHostsFile, "claudbot", "pidfile"],
            new[] { "Host", "User", "IdentityFile", "KnownHostsFile", "RemoteDirectory", "ServiceManager" }.Select(k => (string?)ssh[k]));
        Assert.Equal([22, 6399, dashboard], new[] { "Port", "RedisPort", "DashboardPort" }.Select(k => (int)ssh[k]!));
        Assert.Contains($"  \"Host\": \"{scene.Server.Address}\",", console.Text, StringComparison.Ordinal);
        Assert.Contains("Setup complete", console.Text, StringComparison.Ordinal);
        Assert.Contains("Next: claudbot say \"start cluster\"", console.Text, StringComparison.Ordinal);

        // Again: every step finds things as they should be, nothing is uploaded, no password is asked.
        var noPassword = new CountingPasswords(null);
        var (second, again) = await SetupScene.RunAsync(options, noPassword);
        output.WriteLine(again.Text);
        output.WriteLine($"setup again: {second.Elapsed.TotalSeconds:0.0} s, {second.FilesUploaded} files");
        Assert.True(second.Succeeded, again.Text);
        Assert.All(second.Steps, s => Assert.Equal(Already, s.Outcome));
        Assert.Equal(0, second.FilesUploaded);
        Assert.Equal(0, noPassword.Asked);
        Assert.Contains("nothing needed changing", again.Text, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(UserAccount.AuthorizedKeys(scene.Server.Home)));

        // The ssh target, configured from nothing but the written file, runs the node over SSH.
        var target = new ConfigurationBuilder().AddJsonFile(scene.SettingsFile).Build().GetSection(SshTargetOptions.Section).Get<SshTargetOptions>()!;
        await using var session = new SshSession(Microsoft.Extensions.Options.Options.Create(target), NullLogger<SshSession>.Instance);
        var version = await session.RunAsync(RemoteCommand.Version(target), CancellationToken.None);
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("claudbot-node ", version.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedHostKey_IsRefusedEvenWithYes_WithBothFingerprintsAndTheFix_AndNothingIsSent()
    {
        await using var scene = await SetupScene.StartAsync();
        var (identity, publicLine) = await ClientKeys.CreateAsync(scene.Folder.Combine("keys"));
        scene.Server.AuthorizeKey(publicLine);
        string before = scene.Fingerprint;
        var options = scene.Options(node.Folder) with { IdentityFile = identity, TrustHostKey = null, Yes = true };
        var (known, _) = await SetupScene.RunAsync(options with { NodeDirectory = Path.Combine(node.Folder, "data") }, new CountingPasswords(null));
        Assert.Equal([Already, Done, Already, Already, Failed], known.Steps.Select(s => s.Outcome));
        Assert.Contains("has no claudbot-node program", known.Failure!.Detail, StringComparison.Ordinal);

        await scene.Server.ChangeHostKeyAsync();
        var passwords = new CountingPasswords(scene.Server.Password);
        var (result, console) = await SetupScene.RunAsync(options, passwords);
        output.WriteLine(console.Text);

        Assert.False(result.Succeeded);
        Assert.Equal(["SSH key", "Host key"], result.Steps.Select(s => s.Step));
        string refusal = result.Failure!.Detail;
        Assert.Contains("has CHANGED", refusal, StringComparison.Ordinal);
        Assert.Contains(before, refusal, StringComparison.Ordinal);
        Assert.Contains(scene.Fingerprint, refusal, StringComparison.Ordinal);
        Assert.NotEqual(before, scene.Fingerprint);
        Assert.Contains($"'{scene.Server.Address}' from {scene.KnownHostsFile}", refusal, StringComparison.Ordinal);
        Assert.Contains("Setup stopped at 'Host key'", console.Text, StringComparison.Ordinal);
        Assert.Equal(0, passwords.Asked);
        Assert.Equal(0, result.FilesUploaded);
        Assert.False(Directory.Exists(scene.RemoteNode));
        Assert.Contains(scene.Server.Address + " ssh-ed25519", await File.ReadAllTextAsync(scene.KnownHostsFile), StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Server.HostKeyPublicLine, await File.ReadAllTextAsync(scene.KnownHostsFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPassword_FailsAtKeyLogin_AndNothingIsUploaded()
    {
        await using var scene = await SetupScene.StartAsync();
        var passwords = new CountingPasswords("not-" + scene.Server.Password);

        var (result, console) = await SetupScene.RunAsync(scene.Options(node.Folder) with { Yes = true }, passwords);
        output.WriteLine(console.Text);

        Assert.False(result.Succeeded);
        Assert.Equal([Done, Done, Failed], result.Steps.Select(s => s.Outcome));
        Assert.Equal("Key login", result.Failure!.Step);
        Assert.Contains($"{scene.Server.User}@{scene.Server.Address} refused the password", result.Failure.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Server.Password, console.Text, StringComparison.Ordinal);
        Assert.Equal(1, passwords.Asked);
        Assert.Equal(0, result.FilesUploaded);
        Assert.False(Directory.Exists(scene.RemoteNode));
        Assert.Empty(await File.ReadAllTextAsync(UserAccount.AuthorizedKeys(scene.Server.Home)));
        Assert.False(File.Exists(scene.SettingsFile));
    }

    [Fact]
    public async Task ANewHostKey_NotMatchingTheGivenFingerprint_OrNotConfirmed_IsRefusedBeforeAnyPassword()
    {
        await using var scene = await SetupScene.StartAsync();
        var (identity, _) = await ClientKeys.CreateAsync(scene.Folder.Combine("keys"));
        var passwords = new CountingPasswords(scene.Server.Password);
        string other = "SHA256:" + new string('A', 43);

        var (mismatch, _) = await SetupScene.RunAsync(scene.Options(node.Folder) with { IdentityFile = identity, TrustHostKey = other }, passwords);
        Assert.Equal("Host key", mismatch.Failure!.Step);
        Assert.Contains($"is {scene.Fingerprint} (ssh-ed25519), not {other}", mismatch.Failure.Detail, StringComparison.Ordinal);

        var (declined, console) = await SetupScene.RunAsync(scene.Options(node.Folder) with { IdentityFile = identity, TrustHostKey = null }, passwords, answer: false);
        Assert.Equal("Host key", declined.Failure!.Step);
        Assert.Contains(scene.Fingerprint, Assert.Single(console.Questions), StringComparison.Ordinal);
        Assert.Contains("was not trusted, so nothing was sent", declined.Failure.Detail, StringComparison.Ordinal);

        Assert.Equal(0, passwords.Asked);
        Assert.False(File.Exists(scene.KnownHostsFile));

        // Said yes at the prompt: recorded, and setup goes on to the password.
        var (accepted, _) = await SetupScene.RunAsync(scene.Options(node.Folder) with { IdentityFile = identity, TrustHostKey = null }, new CountingPasswords(null), answer: true);
        Assert.Equal([Already, Done, Failed], accepted.Steps.Select(s => s.Outcome));
        Assert.Contains("no password", accepted.Failure!.Detail, StringComparison.Ordinal);
        Assert.Contains(scene.Server.HostKeyPublicLine, await File.ReadAllTextAsync(scene.KnownHostsFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedLocalFile_IsTheOnlyUpload_WhatTheUserMadeThereStays_AndALostExecutableBitIsRestored()
    {
        await using var scene = await SetupScene.StartAsync();
        string copy = await node.CopyAsync(scene.Folder.Path);
        var options = scene.Options(copy) with { Yes = true };
        var (first, console) = await SetupScene.RunAsync(options, new CountingPasswords(scene.Server.Password));
        Assert.True(first.Succeeded, console.Text);

        // Here: one data file changes (replaced, not written into: the copy is hard-linked to the shared publish).
        string source = Path.Combine(copy, "data", "SOURCE.md");
        string changed = await File.ReadAllTextAsync(source) + "\nA note added after the first setup.\n";
        File.Delete(source);
        await File.WriteAllTextAsync(source, changed);
        // There: the user's own file, an edited node setting, and the program's x bit lost.
        var (made, said) = await scene.Server.RunAsUserAsync(
            """cd claudbot && echo mine > notes.txt && sed -i 's/"CostBps": 10/"CostBps": 7/' appsettings.json && chmod -x claudbot-node""");
        Assert.True(made == 0, said);

        var (second, again) = await SetupScene.RunAsync(options, new CountingPasswords(null));
        output.WriteLine(again.Text);

        Assert.True(second.Succeeded, again.Text);
        Assert.Equal(1, second.FilesUploaded);
        var steps = second.Steps.ToDictionary(s => s.Step);
        Assert.Equal(Done, steps["Market data"].Outcome);
        Assert.StartsWith("uploaded 1 of ", steps["Market data"].Detail, StringComparison.Ordinal);
        Assert.Equal(Done, steps["Node files"].Outcome);
        Assert.StartsWith("uploaded 0 of ", steps["Node files"].Detail, StringComparison.Ordinal);
        Assert.Contains("made 1 executable", steps["Node files"].Detail, StringComparison.Ordinal);
        Assert.Equal(Already, steps["Node settings"].Outcome);
        Assert.Equal(changed, await File.ReadAllTextAsync(Path.Combine(scene.RemoteNode, "data", "SOURCE.md")));
        Assert.Equal("mine\n", await File.ReadAllTextAsync(Path.Combine(scene.RemoteNode, "notes.txt")));
        Assert.Contains("\"CostBps\": 7", await File.ReadAllTextAsync(Path.Combine(scene.RemoteNode, "appsettings.json")), StringComparison.Ordinal);
        Assert.True((File.GetUnixFileMode(Path.Combine(scene.RemoteNode, "claudbot-node")) & UnixFileMode.UserExecute) != 0);
    }
}
