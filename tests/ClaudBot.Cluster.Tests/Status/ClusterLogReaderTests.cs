using ClaudBot.Cluster.Status;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Status;

/// <summary>'show logs' reads across Serilog's rolled files and picks the worker that wrote last.</summary>
public sealed class ClusterLogReaderTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _logs = new("claudbot-logs-");

    public void Dispose() => _logs.Dispose();

    private void Write(string name, string lines, int minutesAgo) =>
        File.SetLastWriteTimeUtc(_logs.Write(name, lines), Now.AddMinutes(-minutesAgo));

    [Fact]
    public async Task DriverLogThatJustRolled_ShowsTheLinesBeforeTheRoll_OldestFirst()
    {
        Write("cluster_driver.log", "a1\na2\na3\n", 3);
        Write("cluster_driver_001.log", "b1\nb2\n", 2);
        Write("cluster_driver_002.log", "c1\n", 1);

        var lines = await ClusterLogReader.ReadLastLinesAsync(_logs.Path, NodeRole.Driver, 4, CancellationToken.None);

        Assert.Equal(["a3", "b1", "b2", "c1"], lines);
    }

    [Fact]
    public async Task Workers_TheOneWrittenLastIsShown_WithItsRolledFiles_NotAnotherWhoseNameStartsTheSame()
    {
        Write("worker_box-1.log", "one-old\n", 5);
        Write("worker_box-1_001.log", "one-new\n", 4);
        Write("worker_box-10.log", "ten\n", 10);
        Write("worker_box-2.log", "two\n", 7);
        Write("cluster_driver.log", "driver\n", 0);

        var lines = await ClusterLogReader.ReadLastLinesAsync(_logs.Path, NodeRole.Worker, 10, CancellationToken.None);

        Assert.Equal(["one-old", "one-new"], lines);
    }

    [Fact]
    public async Task NoLogFolder_IsNoLines()
    {
        var lines = await ClusterLogReader.ReadLastLinesAsync(_logs.Combine("absent"), NodeRole.Driver, 10, CancellationToken.None);

        Assert.Empty(lines);
    }

    [Theory]
    [InlineData("cluster_driver", "cluster_driver", 0)]
    [InlineData("cluster_driver_012", "cluster_driver", 12)]
    [InlineData("worker_my_box-1", "worker_my_box-1", 0)]
    [InlineData("worker_my_box-1_001", "worker_my_box-1", 1)]
    public void Parse_SplitsTheSequenceSerilogAdds(string name, string expectedBase, int expectedSequence) =>
        Assert.Equal((expectedBase, expectedSequence), ClusterLogReader.Parse(name));
}
