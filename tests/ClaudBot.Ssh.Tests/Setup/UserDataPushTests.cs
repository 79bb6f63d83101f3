using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Tests.Server;
using Xunit.Abstractions;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// <c>claudbot data push</c> against a real sshd in a network namespace: the home's imported files arrive in the node's
/// user data folder, a second push sends nothing, a changed file is sent again, and nothing half-written is left there.
/// </summary>
[Trait("Category", "RealServer")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UserDataPushTests(ITestOutputHelper output)
{
    private static async Task<SetupOptions> LoggedInAsync(SetupScene scene)
    {
        var (identity, publicLine) = await ClientKeys.CreateAsync(scene.Folder.Combine("keys"));
        scene.Server.AuthorizeKey(publicLine);
        await File.WriteAllTextAsync(scene.KnownHostsFile, $"{scene.Server.Address} {scene.Server.HostKeyPublicLine}\n");
        return scene.Options(scene.Folder.Combine("node")) with { IdentityFile = identity, TrustHostKey = null };
    }

    private async Task<StepReport> PushAsync(SetupOptions options)
    {
        var console = new RecordingSetupConsole();
        var report = await new UserDataPush(options, console).RunAsync(CancellationToken.None);
        output.WriteLine($"{report.Outcome}: {report.Detail}\n{console.Text}");
        return report;
    }

    [Fact]
    public async Task Push_SendsOnlyFilesThatDiffer_AndSaysWhichItSent()
    {
        await using var scene = await SetupScene.StartAsync();
        var options = await LoggedInAsync(scene);
        Directory.CreateDirectory(Path.Combine(scene.UserData, ".cache"));
        await File.WriteAllTextAsync(Path.Combine(scene.UserData, "TCS.csv"), "Date,Open,High,Low,Close,Volume\n2020-01-01,1,2,0.5,1.5,100\n");
        await File.WriteAllTextAsync(Path.Combine(scene.UserData, "actions.csv"), "date,symbol,ratio\n2020-06-01,TCS,1:2\n");
        await File.WriteAllTextAsync(Path.Combine(scene.UserData, ".cache", "TCS.bin"), "the node's own");

        var first = await PushAsync(options);

        Assert.Equal(StepOutcome.Done, first.Outcome);
        Assert.Equal("sent 2 of 2 files (0.0 MB) to ~/.local/share/claudbot/market: TCS.csv, actions.csv", first.Detail);
        Assert.Equal(["TCS.csv", "actions.csv"], Directory.GetFiles(scene.RemoteUserData).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(scene.UserData, "TCS.csv")), await File.ReadAllBytesAsync(Path.Combine(scene.RemoteUserData, "TCS.csv")));

        var again = await PushAsync(options);

        Assert.Equal((StepOutcome.Already, "all 2 files in ~/.local/share/claudbot/market are up to date"), (again.Outcome, again.Detail));

        await File.AppendAllTextAsync(Path.Combine(scene.UserData, "TCS.csv"), "2020-01-02,1.5,2,1,1.75,120\n");
        var changed = await PushAsync(options);

        Assert.Equal("sent 1 of 2 files (0.0 MB) to ~/.local/share/claudbot/market: TCS.csv", changed.Detail);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(scene.UserData, "TCS.csv")), await File.ReadAllBytesAsync(Path.Combine(scene.RemoteUserData, "TCS.csv")));
        Assert.Equal(2, Directory.GetFiles(scene.RemoteUserData).Length);
    }

    [Fact]
    public async Task Push_WithNoImportedData_SaysSo_WithoutLoggingIn()
    {
        await using var scene = await SetupScene.StartAsync();
        var options = scene.Options(scene.Folder.Combine("node")) with { IdentityFile = scene.Folder.Combine("keys/missing") };

        var report = await PushAsync(options);

        Assert.Equal((StepOutcome.Already, $"no imported data in {scene.UserData}"), (report.Outcome, report.Detail));
        Assert.False(Directory.Exists(scene.RemoteUserData));
    }

    [Fact]
    public async Task Push_ToAHostWhoseKeyIsNotRecorded_FailsInOneLine_AndSendsNothing()
    {
        await using var scene = await SetupScene.StartAsync();
        var options = await LoggedInAsync(scene);
        await File.WriteAllTextAsync(scene.KnownHostsFile, string.Empty);
        Directory.CreateDirectory(scene.UserData);
        await File.WriteAllTextAsync(Path.Combine(scene.UserData, "TCS.csv"), "Date,Open,High,Low,Close,Volume\n");

        var report = await PushAsync(options);

        Assert.Equal(StepOutcome.Failed, report.Outcome);
        Assert.DoesNotContain('\n', report.Detail);
        Assert.Contains(scene.Server.Address, report.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scene.RemoteUserData));
    }
}
