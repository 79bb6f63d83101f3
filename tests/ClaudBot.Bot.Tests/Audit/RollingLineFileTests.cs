using System.Text;
using System.Text.Json;
using ClaudBot.Bot.Audit;
using ClaudBot.Bot.Conversations;
using ClaudBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Bot.Tests.Audit;

/// <summary>The audit log rolls at its cap and keeps a bounded number of old files, losing no recent line.</summary>
public sealed class RollingLineFileTests : IDisposable
{
    private readonly TempDirectory _folder = new("claudbot-audit-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 7, 30, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwentyLinesAtACapOfThree_KeepsTheLiveFileAndTwoRolled_WithTheNewestLinesInOrder()
    {
        // Each line is 10 bytes, so a 30-byte cap holds three lines a file.
        var file = new RollingLineFile(_folder.Combine("audit.jsonl"), maxBytes: 30, keep: 2, _clock);
        for (int i = 0; i < 20; i++)
        {
            await file.AppendAsync(Encoding.UTF8.GetBytes($"line {i:00}..\n"), CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var rolled = file.RolledFiles();
        Assert.Equal(["audit.20261205T073015000Z.jsonl", "audit.20261205T073018000Z.jsonl"], rolled.Select(Path.GetFileName));
        Assert.Equal(3, Directory.GetFiles(_folder.Path).Length);
        var kept = rolled.Append(file.Path).SelectMany(File.ReadAllLines).ToArray();
        Assert.Equal(Enumerable.Range(12, 8).Select(i => $"line {i:00}.."), kept);
        Assert.All(rolled.Append(file.Path), f => Assert.True(new FileInfo(f).Length <= 30, $"{f} is {new FileInfo(f).Length} bytes"));
    }

    [Fact]
    public async Task TheAuditLogAndItsFolder_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes; the suite runs on Linux.
        }

        string folder = _folder.Combine("state");
        var file = new RollingLineFile(Path.Combine(folder, "audit.jsonl"), maxBytes: 1000, keep: 2, _clock);

        await file.AppendAsync(Encoding.UTF8.GetBytes("{}\n"), CancellationToken.None);

        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(file.Path));
        Assert.Equal(OwnerOnlyModes.Folder, File.GetUnixFileMode(folder));
    }

    [Fact]
    public async Task TwoRollsInOneMillisecond_TakeTwoNames_AndLoseNothing()
    {
        var file = new RollingLineFile(_folder.Combine("audit.jsonl"), maxBytes: 10, keep: 5, _clock);
        for (int i = 0; i < 3; i++)
        {
            await file.AppendAsync(Encoding.UTF8.GetBytes($"line {i:00}..\n"), CancellationToken.None);
        }

        Assert.Equal(["audit.20261205T073000000Z.jsonl", "audit.20261205T073000000Z-1.jsonl"], file.RolledFiles().Select(Path.GetFileName));
        Assert.Equal(["line 00..", "line 01..", "line 02.."], file.RolledFiles().Append(file.Path).SelectMany(File.ReadAllLines));
    }

    [Fact]
    public async Task AuditLog_RollsAtBotAuditMaxBytes_EveryKeptLineStillAWholeEntry()
    {
        var options = Options.Create(new BotOptions { AuditLog = _folder.Combine("audit.jsonl"), AuditMaxBytes = 1024, AuditKeep = 3 });
        await using var audit = new AuditLog(options, _clock, NullLogger<AuditLog>.Instance);
        for (int i = 0; i < 40; i++)
        {
            await audit.WriteAsync(new AuditEntry(_clock.GetUtcNow(), "terminal", "local", "me", "me", $"monitor cluster {i}", "monitor_cluster", "pattern", new Dictionary<string, string>(), AuditOutcomes.Executed, null, 1.5), CancellationToken.None);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var files = Directory.GetFiles(_folder.Path);
        Assert.Equal(4, files.Length);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 1024));
        string[] last = File.ReadAllLines(audit.Path);
        Assert.Equal("monitor cluster 39", JsonDocument.Parse(last[^1]).RootElement.GetProperty("text").GetString());
        Assert.All(files.SelectMany(File.ReadAllLines), l => Assert.Equal("executed", JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString()));
    }
}
