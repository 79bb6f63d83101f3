using System.Diagnostics;
using System.Text.Json;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Tests.Server;
using ClaudBot.Targets;
using Xunit.Abstractions;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>
/// Three hosts: this machine as the client, a server and a worker box, each box a network namespace with its own sshd.
/// Both set up with <c>claudbot setup</c> (the box with <c>--worker</c>), a job spread over both, every process of the box
/// killed mid-job, the job finished by the server alone with nothing lost or counted twice, the box back and working.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(SetupServerGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WorkerBoxTests(PublishedNode node, ITestOutputHelper output)
{
    private static readonly TimeSpan PerTask = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task AWorkerBox_SharesAJob_SurvivesKill9OfEverythingOnIt_AndTakesWorkAgainWhenStarted()
    {
        var clock = Stopwatch.StartNew();
        await using var three = await WorkerBoxScene.StartAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var server = three.Server;
        var box = three.Box;

        var (serverSetup, serverConsole) = await SetupScene.RunAsync(three.Scene.Options(node.Folder) with { Yes = true }, new CountingPasswords(server.Password));
        Assert.True(serverSetup.Succeeded, serverConsole.Text);
        var (boxSetup, boxConsole) = await SetupScene.RunAsync(three.BoxOptions(node.Folder), new CountingPasswords(box.Password));
        output.WriteLine(boxConsole.Text);
        output.WriteLine($"hosts up and both set up: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(boxSetup.Succeeded, boxConsole.Text);
        Assert.Equal(SetupRunner.WorkerBoxSteps.Select(s => s.Name), boxSetup.Steps.Select(s => s.Step));
        Assert.Contains("Worker box ready", boxConsole.Text, StringComparison.Ordinal);

        // The box's key: on the server for the queue forward only; the server's host key pinned on the box; the box recorded.
        string boxKey = (await File.ReadAllTextAsync(Path.Combine(box.Home, ".ssh", "claudbot_queue.pub"))).Trim();
        string keyAndType = string.Join(' ', boxKey.Split(' ').Take(2));
        Assert.Contains(
            $"restrict,port-forwarding,permitopen=\"127.0.0.1:6399\",command=\"/bin/false\" {keyAndType} claudbot-box:{box.Address}",
            await File.ReadAllLinesAsync(UserAccount.AuthorizedKeys(server.Home)));
        Assert.Equal($"{server.Address} {server.HostKeyPublicLine}", (await File.ReadAllTextAsync(Path.Combine(box.Home, ".ssh", "claudbot_known_hosts"))).Trim());
        var target = three.Target();
        var recorded = Assert.Single(target.Workers);
        Assert.Equal([box.Address, box.User, "claudbot", "pidfile"], new[] { recorded.Host, recorded.User, recorded.RemoteDirectory, recorded.ServiceManager });
        Assert.Equal(server.Address, target.Host);

        // The key the box holds opens no shell on the server: its forced command runs instead.
        var (shell, said) = await box.RunAsUserAsync($"ssh -o BatchMode=yes -o UserKnownHostsFile=$HOME/.ssh/claudbot_known_hosts -i $HOME/.ssh/claudbot_queue -l {server.User} {server.Address} id </dev/null");
        Assert.Equal(1, shell);
        Assert.DoesNotContain("uid=", said, StringComparison.Ordinal);

        // Running setup for the box again changes nothing.
        var (again, againConsole) = await SetupScene.RunAsync(three.BoxOptions(node.Folder), new CountingPasswords(null));
        Assert.True(again.ChangedNothing, againConsole.Text);

        await WorkerBoxScene.ThrottleAsync(three.Scene.RemoteNode, PerTask, slots: 2);
        await WorkerBoxScene.ThrottleAsync(three.BoxNode, PerTask, slots: 2);
        var cluster = three.Client();
        string started = await cluster.StartAsync(deadline.Token);
        output.WriteLine(started);
        Assert.Contains($"Worker box {box.Address}: started.", started, StringComparison.Ordinal);
        var client = await cluster.ClientAsync(deadline.Token);
        var workers = (await client.SnapshotAsync(deadline.Token)).Workers;
        Assert.Equal(2, workers.Count);
        Assert.Contains(workers, w => w.Id == $"{box.Address}-1");

        // 32 one-task chunks of 400 ms on 2 + 2 slots: caught once the box has taken some.
        string job = await SubmitAsync(client, deadline.Token);
        await UntilAsync(async () => (await TookAsync(cluster, job, box.Address)) >= 2, deadline.Token);
        Assert.True(await TookAsync(cluster, job, server.Address) >= 1);
        var midway = await client.GetAsync(job, deadline.Token);
        Assert.True(midway!.TasksDone < midway.TasksTotal, $"{midway.TasksDone} of {midway.TasksTotal} done already");

        // kill -9 of every process of the box's user: its worker and its tunnel.
        await box.KillUserProcessesAsync();
        Assert.Equal(1, (await HostCommand.RunAsync("pgrep", ["-u", box.User, "-r", "R,S,D,T,t,W,P,I"])).ExitCode);
        var finished = await client.WaitAsync(job, null, deadline.Token);
        output.WriteLine($"job after the kill: {finished.State.ToName()}, {finished.TasksDone}/{finished.TasksTotal} done, {finished.TasksFailed} failed, at {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(JobState.Completed, finished.State);
        Assert.Equal((32, 32, 0), (finished.TasksTotal, finished.TasksDone, finished.TasksFailed));
        var indexes = await ResultIndexesAsync(cluster, finished, deadline.Token);
        Assert.Equal(32, indexes.Count);
        Assert.Equal(Enumerable.Range(0, 32), indexes.Order());

        // The box back: start reaches it, its worker takes work again.
        string restarted = await cluster.StartAsync(deadline.Token);
        Assert.Contains($"Worker box {box.Address}: started.", restarted, StringComparison.Ordinal);
        string second = await SubmitAsync(client, deadline.Token);
        await UntilAsync(async () => (await TookAsync(cluster, second, box.Address)) >= 1, deadline.Token);
        var done = await client.WaitAsync(second, null, deadline.Token);
        Assert.Equal((32, 0), (done.TasksDone, done.TasksFailed));

        // A box whose data file differs is refused by name; the next job runs on the server alone.
        string tcs = Path.Combine(three.BoxNode, "data", "TCS.csv");
        byte[] original = await File.ReadAllBytesAsync(tcs);
        await File.AppendAllTextAsync(tcs, "2099-01-01,1,1,1,1,1\n");

        // The box sees it at its next heartbeat round; its heartbeat then carries the refusal.
        await UntilAsync(async () => (await client.SnapshotAsync(deadline.Token)).Workers.Any(w => w.Host == box.Address && w.Refused is not null), deadline.Token);
        string third = await SubmitAsync(client, deadline.Token);
        var refused = await client.WaitAsync(third, null, deadline.Token);
        output.WriteLine(string.Join('\n', refused.Notes));
        output.WriteLine($"job while the box is refused: {refused.TasksDone} done, {refused.TasksFailed} failed");
        Assert.Equal(32, refused.TasksDone + refused.TasksFailed);
        Assert.Contains(refused.Notes, n => n.Contains($"box {box.Address}: data file TCS.csv", StringComparison.Ordinal));
        Assert.Equal(0, refused.TasksFailed);
        // A slot already waiting on the queue when the box was refused hands what it gets back unrun.
        var boxLines = (await cluster.ReadLogAsync(NodeRole.Worker, 400, deadline.Token)).Where(l => l.StartsWith($"[{box.Address}] ", StringComparison.Ordinal));
        output.WriteLine($"chunks of it the refused box handed back unrun: {boxLines.Count(l => l.Contains("back unrun", StringComparison.Ordinal) && l.Contains(third, StringComparison.Ordinal))}");
        Assert.Equal(0, await TookAsync(cluster, third, box.Address));
        await File.WriteAllBytesAsync(tcs, original);

        // Removed: drained by the server, stopped, its key revoked, forgotten here.
        var console = new RecordingSetupConsole();
        var removal = await new WorkerBoxRemoval(three.Target(), box.Address, three.Scene.SettingsFile, console, TimeProvider.System).RunAsync(deadline.Token);
        output.WriteLine(console.Text);
        Assert.True(removal.Succeeded, console.Text);
        Assert.Equal(["Drain", "Stop box", "Queue access", "Client settings"], removal.Steps.Select(r => r.Step));
        Assert.All(removal.Steps, r => Assert.Equal(StepOutcome.Done, r.Outcome));
        Assert.DoesNotContain(await File.ReadAllLinesAsync(UserAccount.AuthorizedKeys(server.Home)), l => l.Contains("claudbot-box:", StringComparison.Ordinal));
        Assert.Empty(three.Target().Workers);
        Assert.Equal(1, (await HostCommand.RunAsync("pgrep", ["-u", box.User, "-r", "R,S,D,T,t,W,P,I", "-f", "claudbot-node"])).ExitCode);

        // Joined again under the same name: setup clears the drain flag the removal left, so the box takes work.
        var (rejoined, rejoinedConsole) = await SetupScene.RunAsync(three.BoxOptions(node.Folder), new CountingPasswords(null));
        Assert.True(rejoined.Succeeded, rejoinedConsole.Text);
        Assert.Empty(rejoined.Steps.Single(r => r.Step == "Queue access").Warnings);
        Assert.Contains($"Worker box {box.Address}: started.", await three.Client().StartAsync(deadline.Token), StringComparison.Ordinal);
        await UntilAsync(async () => (await client.SnapshotAsync(deadline.Token)).Workers.Any(w => w.Host == box.Address), deadline.Token);
        Assert.All((await client.SnapshotAsync(deadline.Token)).Workers.Where(w => w.Host == box.Address), w => Assert.Null(w.Drain));

        string stopped = await cluster.StopAsync(deadline.Token);
        Assert.Contains("Cluster stopped on", stopped, StringComparison.Ordinal);
        output.WriteLine($"whole test: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static Task<string> SubmitAsync(ClusterClient client, CancellationToken ct) =>
        client.SubmitAsync(
            new JobRequest("momentum(lookback=10|20|40|60)", ["TCS", "INFY", "WIPRO", "ITC", "SBIN", "LT", "RELIANCE", "HDFCBANK"], new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31), "test"),
            ct).ContinueWith(t => t.Result.Id, ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    // Chunks of the job a host's workers took, from the worker logs as 'logs' shows them (each line labelled by host).
    private static async Task<int> TookAsync(IClusterTarget cluster, string job, string host)
    {
        var lines = await cluster.ReadLogAsync(NodeRole.Worker, 400, CancellationToken.None);
        return lines.Count(l => l.StartsWith($"[{host}] ", StringComparison.Ordinal) && l.Contains("Took chunk", StringComparison.Ordinal) && l.EndsWith($"for job {job}", StringComparison.Ordinal));
    }

    private static async Task<List<int>> ResultIndexesAsync(IClusterTarget cluster, JobStatus job, CancellationToken ct)
    {
        await using var stream = await cluster.OpenResultsAsync(job, ct);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return [.. document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("index").GetInt32())];
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        while (!await condition())
        {
            await Task.Delay(150, ct);
        }
    }
}
