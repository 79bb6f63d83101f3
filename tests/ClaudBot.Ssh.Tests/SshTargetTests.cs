using System.Diagnostics;
using ClaudBot.Bot.Replies;
using ClaudBot.Ssh.Tests.Server;
using Xunit.Abstractions;
using static ClaudBot.Ssh.Tests.SshBotHarness;

namespace ClaudBot.Ssh.Tests;

/// <summary>
/// The bot on one host driving the cluster on another: a network namespace with its own address and a
/// real sshd, the node installed in the test user's home, the bot talking to it only over SSH.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SshTargetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartSubmitResultsMonitor_KillTheNode_StartAgain_NoJobLost_Stop()
    {
        await using var server = await ServerHost.StartAsync();
        await NodeInstall.InstallAsync(server, throttlePerTask: TimeSpan.FromMilliseconds(400));
        using var keys = new Testing.TempDirectory("claudbot-sshkey-");
        var (identity, publicLine) = await ClientKeys.CreateAsync(keys.Path);
        server.AuthorizeKey(publicLine);
        await using var bot = await StartAsync(server, identity);
        // Every wait below ends by this deadline, so a stuck job fails the test instead of hanging the run.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var down = await bot.SayAsync("monitor cluster");
        Assert.Contains(": DOWN", Text(down), StringComparison.Ordinal);

        var started = await bot.SayAsync("start cluster");
        Assert.True(started.Succeeded, Text(started));
        Assert.Contains($"Cluster started on {server.User}@{server.Address}", Text(started), StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        var monitor = await bot.SayAsync("monitor cluster");
        output.WriteLine($"monitor over SSH: {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Contains(": UP", Text(monitor), StringComparison.Ordinal);
        Assert.Contains("Workers: 1 (4 slots", Text(monitor), StringComparison.Ordinal);
        clock.Restart();
        await bot.SayAsync("monitor cluster");
        output.WriteLine($"monitor over SSH, connection open: {clock.Elapsed.TotalMilliseconds:0} ms");

        clock.Restart();
        var queued = await bot.SayAsync("backtest rsi on TCS 2021-2023");
        output.WriteLine(Text(queued));
        string job = queued.FollowJob!;
        var summary = await bot.Engine.FollowAsync(job, null, deadline.Token);
        output.WriteLine($"one backtest, submit to summary through the tunnel: {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Contains($"Job {job} completed", Text(summary), StringComparison.Ordinal);
        Assert.Single(summary.Parts.OfType<TablePart>().First().Rows);
        Assert.Single(summary.Parts.OfType<ImagePart>());
        var json = Assert.Single((await bot.SayAsync($"json of job {job}")).Parts.OfType<DocumentPart>());
        Assert.Contains($"\"id\":\"{job}\"", System.Text.Encoding.UTF8.GetString(json.Content.Span), StringComparison.Ordinal);

        // A slow job, then the node's processes killed under it: monitor says down, start brings it back, nothing is lost.
        Assert.NotEmpty((await bot.SayAsync("show driver logs")).Parts.OfType<BlockPart>());
        // 24 one-task chunks of 400 ms on 4 slots: progress moves by about 4 every 400 ms for about 2.4 s, a window
        // several status round trips over SSH wide (8 chunks once left a window narrower than one round trip).
        string slow = (await bot.SayAsync("backtest momentum(lookback=10|20|60) on TCS,INFY,WIPRO,ITC,SBIN,LT,RELIANCE,HDFCBANK 2021-2023")).FollowJob!;
        await CaughtMidwayAsync(bot, slow, 24, deadline.Token);

        await server.KillUserProcessesAsync("claudbot-node");
        var killed = Text(await bot.SayAsync("monitor cluster"));
        Assert.Contains(": DOWN", killed, StringComparison.Ordinal);
        Assert.Contains("is not running", Text(await bot.SayAsync("list jobs")), StringComparison.Ordinal);

        Assert.True((await bot.SayAsync("start cluster")).Succeeded);
        var resumed = await bot.Engine.FollowAsync(slow, null, deadline.Token);
        output.WriteLine(Text(resumed));
        Assert.Contains($"Job {slow} completed in", Text(resumed), StringComparison.Ordinal);
        Assert.Contains("24 of 24 backtests done", Text(resumed), StringComparison.Ordinal);
        var jobs = (await bot.SayAsync("list jobs")).Parts.OfType<TablePart>().Single();
        Assert.Equal([slow, job], jobs.Rows.Select(r => r[0]));

        var stopped = await bot.SayConfirmedAsync("stop cluster");
        Assert.Contains("Cluster stopped on", Text(stopped), StringComparison.Ordinal);
        Assert.Contains(": DOWN", Text(await bot.SayAsync("monitor cluster")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedHostKey_IsRefused_WithBothFingerprintsAndTheFix()
    {
        await using var server = await ServerHost.StartAsync();
        using var keys = new Testing.TempDirectory("claudbot-sshkey-");
        var (identity, publicLine) = await ClientKeys.CreateAsync(keys.Path);
        server.AuthorizeKey(publicLine);
        await using var bot = await StartAsync(server, identity);
        string before = "SHA256:" + server.HostKeyFingerprintSha256.TrimEnd('=');

        // The session open from before the change (the dashboard forward connects at start) ends as the server restarts.
        await server.ChangeHostKeyAsync();
        await server.EndSessionsAsync();
        // A session open from before can still answer once (CI saw "The node is not installed" from it) or say it was
        // lost, before the bot connects again and meets the new key.
        var refused = await bot.SayAsync("monitor cluster");
        for (int retry = 0; retry < 10 && !Text(refused).Contains("has CHANGED", StringComparison.Ordinal); retry++)
        {
            await Task.Delay(300);
            refused = await bot.SayAsync("monitor cluster");
        }

        Assert.False(refused.Succeeded);
        string text = Text(refused);
        Assert.Contains("has CHANGED", text, StringComparison.Ordinal);
        Assert.Contains(before, text, StringComparison.Ordinal);
        Assert.Contains("SHA256:" + server.HostKeyFingerprintSha256.TrimEnd('='), text, StringComparison.Ordinal);
        Assert.Contains(bot.KnownHosts, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKey_AnUnknownHost_AndAMissingNode_EachGetAClearReply()
    {
        await using var server = await ServerHost.StartAsync();
        using var keys = new Testing.TempDirectory("claudbot-sshkey-");
        var (identity, _) = await ClientKeys.CreateAsync(keys.Path);

        await using (var unauthorised = await StartAsync(server, identity))
        {
            Assert.Contains("refused the key", Text(await unauthorised.SayAsync("monitor cluster")), StringComparison.Ordinal);
        }

        await using (var stranger = await StartAsync(server, identity, recordHostKey: false))
        {
            Assert.Contains("is not in", Text(await stranger.SayAsync("monitor cluster")), StringComparison.Ordinal);
        }

        server.AuthorizeKey(await File.ReadAllTextAsync(identity + ".pub"));
        await using var bot = await StartAsync(server, identity);
        Assert.Contains("The node is not installed on", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithSshdStopped_TheReplyComesWithinSeconds_AndTheNextRequestConnectsAgain()
    {
        await using var server = await ServerHost.StartAsync();
        await NodeInstall.InstallAsync(server);
        using var keys = new Testing.TempDirectory("claudbot-sshkey-");
        var (identity, publicLine) = await ClientKeys.CreateAsync(keys.Path);
        server.AuthorizeKey(publicLine);
        await using var bot = await StartAsync(server, identity);
        Assert.Contains(": DOWN", Text(await bot.SayAsync("monitor cluster")), StringComparison.Ordinal);
        Assert.True((await bot.SayAsync("start cluster")).Succeeded);
        var clock = Stopwatch.StartNew();
        var job = (await bot.SayAsync("backtest rsi on TCS 2021-2023")).FollowJob!;
        Assert.Contains("completed in", Text(await bot.Engine.FollowAsync(job, null, new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token)), StringComparison.Ordinal);
        output.WriteLine($"one backtest through the tunnel, submit to summary with chart: {clock.Elapsed.TotalMilliseconds:0} ms");

        // Stopping sshd leaves open sessions alive (as OpenSSH does); ending ours too is the server going away.
        await server.StopSshdAsync();
        await server.EndSessionsAsync();
        clock.Restart();
        var lost = await bot.SayAsync("monitor cluster");
        var refused = await bot.SayAsync("monitor cluster");
        output.WriteLine($"two replies with sshd stopped: {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.False(lost.Succeeded);
        Assert.Matches("was lost|refused the connection", Text(lost));
        Assert.False(refused.Succeeded);
        Assert.Contains("refused the connection: is sshd running there (port 22)?", Text(refused), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the replies came within a few seconds (two quick retries each), not a TCP timeout later");

        await server.StartSshdAsync();
        Assert.Contains(": UP", Text(await bot.SayAsync("monitor cluster")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileTheBotRuns_TheServersDashboardPort_IsOnThisMachinesLoopback()
    {
        await using var server = await ServerHost.StartAsync();
        using var keys = new Testing.TempDirectory("claudbot-sshkey-");
        var (identity, publicLine) = await ClientKeys.CreateAsync(keys.Path);
        server.AuthorizeKey(publicLine);
        int port = Testing.TestPorts.Free();

        // A stand-in for the dashboard on the server's loopback: an echo server (Perl is on every Debian).
        string echo = $$"""
            setsid -f perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => {{port}}, Listen => 5, ReuseAddr => 1) or die "$!"; while ($c = $s->accept) { while (sysread($c, $b, 4096)) { syswrite($c, $b) } close $c }' </dev/null >/dev/null 2>&1
            for i in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/{{port}}) 2>/dev/null && exit 0; sleep 0.02; done; exit 1
            """;
        Assert.Equal(0, (await server.RunAsUserAsync(echo)).ExitCode);

        await using var bot = await StartAsync(server, identity, dashboardPort: port);
        byte[] answer = [];
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(15) && answer.Length == 0; await Task.Delay(50))
        {
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
                var stream = tcp.GetStream();
                await stream.WriteAsync("GET / HTTP/1.0\r\n\r\n"u8.ToArray());
                var buffer = new byte[64];
                using var read = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                answer = buffer[..await stream.ReadAsync(buffer, read.Token)];
            }
            catch (Exception error) when (error is System.Net.Sockets.SocketException or IOException or OperationCanceledException)
            {
                // The forward is not up yet.
            }
        }

        Assert.Equal("GET / HTTP/1.0\r\n\r\n", System.Text.Encoding.ASCII.GetString(answer));
    }

    /// <summary>Polls the job's status until some of its backtests are done but not all; fails, not hangs, if the
    /// job finished between two polls or the deadline passed.</summary>
    private async Task CaughtMidwayAsync(SshBotHarness bot, string job, int total, CancellationToken deadline)
    {
        var progress = new System.Text.RegularExpressions.Regex($@" (\d+)/{total} backtests");
        while (true)
        {
            deadline.ThrowIfCancellationRequested();
            string status = Text(await bot.SayAsync($"job {job} status"));
            var match = progress.Match(status);
            int done = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            Assert.True(done < total, $"The job finished before it could be caught midway: {status}");
            if (done > 0)
            {
                output.WriteLine($"caught midway: {status}");
                return;
            }

            await Task.Delay(50, deadline);
        }
    }
}
