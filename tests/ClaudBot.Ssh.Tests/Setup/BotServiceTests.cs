using System.Net;
using System.Security.Cryptography;
using System.Text;
using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Setup.Telegram;
using ClaudBot.Telegram.Tests.FakeBotApi;
using Xunit.Abstractions;
using static ClaudBot.Ssh.Setup.StepOutcome;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// <c>claudbot setup --telegram</c> against a real sshd in a network namespace, the fake Bot API on this host's end of
/// the veth pair: the bot runs on the server and answers from the server's node; its token is in one owner-only file
/// and nowhere else; a subscribed chat hears of a job submitted over HTTP; killed with -9 mid-job, the next setup run
/// starts it again and it answers again and reports the job its chat followed; 'stop cluster' leaves it running;
/// --remove removes it.
/// The namespace has no systemd, so this is the pid-file daemon; the systemd unit is checked as text only.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(BotServiceGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BotServiceTests(PublishedClient published, ITestOutputHelper output)
{
    private const long Operator = 424242;
    private static readonly TimeSpan ReplyWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SetupTelegram_RunsTheBotOnTheServer_TokenOnlyInItsOwnerOnlyFile_SubscriptionsAndFollowsSurviveKill9AndARerun_AndRemoveRemovesIt()
    {
        output.WriteLine($"claudbot-node and claudbot published (or found fresh) in {published.PublishTime.TotalSeconds:0.0} s");
        await using var scene = await SetupScene.StartAsync();
        string token = "7" + RandomNumberGenerator.GetString("0123456789", 8) + ":" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789_-", 35);
        await using var api = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { ListenAddress = IPAddress.Parse(scene.Server.HostSideAddress), Token = token });
        var options = scene.Options(PublishedClient.NodeFolder) with { Yes = true };
        var (server, serverConsole) = await SetupScene.RunAsync(options, new CountingPasswords(scene.Server.Password));
        Assert.True(server.Succeeded, serverConsole.Text);
        await SlowTheNodeAsync(scene);
        var nodeStart = await scene.Server.RunAsUserAsync("cd claudbot && ./claudbot-node start");
        Assert.True(nodeStart.ExitCode == 0, nodeStart.Output);

        var bot = options with
        {
            Telegram = new TelegramSetupOptions { Token = token, Users = [new BotUser(Operator, "Operator")], ApiBaseUrl = api.BaseUrl, ClientDirectory = PublishedClient.Folder },
        };
        var (first, console) = await SetupScene.RunAsync(bot, new CountingPasswords(null));
        output.WriteLine(console.Text);
        output.WriteLine($"setup --telegram: {first.Elapsed.TotalSeconds:0.0} s, {first.FilesUploaded} files");
        Assert.True(first.Succeeded, console.Text);
        Assert.Equal(SetupRunner.TelegramSteps.Select(s => s.Name), first.Steps.Select(s => s.Step));
        Assert.Equal([Already, Already, Already, Already, Already, Done, Done, Done, Done], first.Steps.Select(s => s.Outcome));

        // The bot on the server answers from the server's node (the local target: no SSH).
        await AskAsync(api, "monitor cluster", 1);

        // A subscribed chat hears of a job submitted over HTTP to the node (not through the bot).
        await AskAsync(api, "/subscribe", "Subscribed:");
        string submitted = await SubmitOverHttpAsync(scene);
        await api.WaitForMessageAsync(m => m.ChatId == Operator && m.Text?.StartsWith($"Job {submitted} ", StringComparison.Ordinal) == true && m.Text.Contains("completed", StringComparison.Ordinal), ReplyWithin);

        // The token: one file, owner-only, in the server's config folder; in no other file, command line or environment.
        string tokenFile = Path.Combine(scene.Server.Home, ".config", "claudbot", "telegram-token");
        Assert.Equal(token + "\n", await File.ReadAllTextAsync(tokenFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        int pid = await BotPidAsync(scene);
        Assert.DoesNotContain(FilesHolding(scene.Server.Home, token), f => f != tokenFile);
        Assert.Empty(ProcessesHolding(token, "cmdline"));
        Assert.DoesNotContain(token, await File.ReadAllTextAsync($"/proc/{pid}/environ"), StringComparison.Ordinal);
        Assert.Empty(ProcessesHolding(token, "environ"));

        // kill -9 mid-job: the next setup run finds it gone and starts it; it answers again, and reports the job its chat
        // followed (the follow is kept in the node's queue server); nothing else was redone.
        var queued = await AskAsync(api, "backtest rsi(period=5..40 step 5) on TCS, INFY from 2021-01-01 to 2023-12-31", "queued: 16 backtests");
        string followed = System.Text.RegularExpressions.Regex.Match(queued.Text!, @"Job ([a-z0-9]+) queued:").Groups[1].Value;
        await api.WaitForMessageAsync(m => m.ChatId == Operator && m.Text?.StartsWith($"Job {followed} ", StringComparison.Ordinal) == true && (m.Text.Contains('░', StringComparison.Ordinal) || m.Text.Contains('█', StringComparison.Ordinal)), ReplyWithin);
        await scene.Server.KillUserProcessesAsync("claudbot telegram");
        await WaitUntilGoneAsync(pid);
        var (again, againConsole) = await SetupScene.RunAsync(bot, new CountingPasswords(null));
        output.WriteLine(againConsole.Text);
        Assert.True(again.Succeeded, againConsole.Text);
        Assert.Equal([Already, Already, Already, Already, Already, Already, Already, Already, Done], again.Steps.Select(s => s.Outcome));
        Assert.NotEqual(pid, await BotPidAsync(scene));
        await AskAsync(api, "monitor cluster", 2);
        await api.WaitForMessageAsync(m => m.ChatId == Operator && m.Text?.Contains($"Job {followed} completed in", StringComparison.Ordinal) == true, ReplyWithin);
        Assert.Single(api.BotMessagesIn(Operator), m => m.Text?.Contains($"Job {followed} completed in", StringComparison.Ordinal) == true);

        // A third run with everything in place changes nothing and leaves the bot running.
        var (third, thirdConsole) = await SetupScene.RunAsync(bot, new CountingPasswords(null));
        Assert.All(third.Steps, s => Assert.Equal(Already, s.Outcome));
        Assert.Contains("the bot runs as its own daemon", thirdConsole.Text, StringComparison.Ordinal);

        // 'stop cluster' (the node's own stop) leaves the bot running: it is how the cluster is started again from a phone.
        int running = await BotPidAsync(scene);
        var nodeStop = await scene.Server.RunAsUserAsync("cd claudbot && ./claudbot-node stop");
        Assert.True(nodeStop.ExitCode == 0, nodeStop.Output);
        Assert.True(Directory.Exists($"/proc/{running}"), "the bot stopped with the cluster");

        // --remove: the daemon stopped, its folder and the token gone; the node's files stay.
        var (removed, removeConsole) = await SetupScene.RunAsync(options with { Telegram = new TelegramSetupOptions { Remove = true } }, new CountingPasswords(null));
        output.WriteLine(removeConsole.Text);
        Assert.True(removed.Succeeded, removeConsole.Text);
        await WaitUntilGoneAsync(running);
        Assert.False(File.Exists(tokenFile));
        Assert.False(Directory.Exists(Path.Combine(scene.RemoteNode, "telegram")));
        Assert.True(File.Exists(Path.Combine(scene.RemoteNode, "claudbot-node")));
    }

    [Fact]
    public void TheUnit_IsTypeNotify_RestartsOnFailure_AndCarriesNoTokenNorEnvironment()
    {
        string unit = BotUnit.Text("claudbot");

        Assert.Contains("Type=notify\n", unit, StringComparison.Ordinal);
        Assert.Contains("Restart=on-failure\n", unit, StringComparison.Ordinal);
        Assert.Contains("ExecStart=%h/claudbot/telegram/claudbot telegram\n", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("Environment", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN", unit, StringComparison.OrdinalIgnoreCase);
    }

    // The operator asks; the bot's replies in the chat that say the cluster is up reach `count`.
    private static async Task AskAsync(FakeBotApiServer api, string text, int count)
    {
        api.EnqueueTextMessage(Operator, Operator, text);
        await api.WaitForAsync(
            () => api.BotMessagesIn(Operator).Count(m => m.Text?.Contains(": UP", StringComparison.Ordinal) == true) >= count ? "answered" : null,
            $"reply {count} to '{text}' saying the cluster is up",
            ReplyWithin);
    }

    // The operator asks; the bot's reply holding `expected`.
    private static async Task<MessageState> AskAsync(FakeBotApiServer api, string text, string expected)
    {
        int before = api.BotMessagesIn(Operator).Count(m => m.Text?.Contains(expected, StringComparison.Ordinal) == true);
        api.EnqueueTextMessage(Operator, Operator, text);
        return await api.WaitForAsync(
            () => api.BotMessagesIn(Operator).Where(m => m.Text?.Contains(expected, StringComparison.Ordinal) == true).Skip(before).FirstOrDefault(),
            $"a reply to '{text}' holding '{expected}'",
            ReplyWithin);
    }

    // Each backtest takes 2 s on the server's node, one per chunk, so a job can be caught mid-run.
    private static async Task SlowTheNodeAsync(SetupScene scene)
    {
        string settings = Path.Combine(scene.RemoteNode, "appsettings.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(settings))!.AsObject();
        var cluster = json["Cluster"]?.AsObject() ?? [];
        json["Cluster"] = cluster;
        cluster["ThrottlePerTask"] = "00:00:02";
        cluster["ChunkSize"] = 1;
        await File.WriteAllTextAsync(settings, json.ToJsonString());
    }

    // POST /api/jobs to the node's API on the server's own loopback (curl inside the namespace), as a dashboard or script does.
    private static async Task<string> SubmitOverHttpAsync(SetupScene scene)
    {
        var (exit, body) = await scene.Server.RunAsUserAsync(
            "curl -sS -X POST -H 'Content-Type: application/json' -d '{\"strategies\":\"rsi,macd\",\"symbols\":[\"TCS\"],\"from\":\"2022-01-01\",\"to\":\"2023-12-31\"}' http://127.0.0.1:3000/api/jobs");
        Assert.True(exit == 0, body);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<int> BotPidAsync(SetupScene scene) =>
        int.Parse((await File.ReadAllTextAsync(Path.Combine(scene.RemoteNode, "telegram", "run", "telegram.pid"))).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilGoneAsync(int pid)
    {
        for (int i = 0; i < 200 && Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), $"process {pid} still runs");
    }

    // Every file under the folder (small ones: settings, logs, units; not the programs) whose bytes hold the text.
    private static List<string> FilesHolding(string folder, string text)
    {
        byte[] needle = Encoding.UTF8.GetBytes(text);
        return [.. Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Where(f => new FileInfo(f).Length < 4 * 1024 * 1024 && Holds(f, needle))];
    }

    private static bool Holds(string file, byte[] needle)
    {
        try
        {
            return File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0;
        }
        catch (IOException)
        {
            // Held locked by its owner (the queue server's lock file): not a file the bot or setup writes.
            return false;
        }
    }

    // Every process on this machine (the namespace shares the pid space) whose command line or environment holds the text.
    private static List<string> ProcessesHolding(string text, string what)
    {
        byte[] needle = Encoding.UTF8.GetBytes(text);
        var found = new List<string>();
        foreach (string process in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (File.ReadAllBytes(Path.Combine(process, what)).AsSpan().IndexOf(needle) >= 0)
                {
                    found.Add(process);
                }
            }
            catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
            {
                // Ended between the listing and the read.
            }
        }

        return found;
    }
}
