using System.Text.Json;
using ClaudBot.Hosting;

namespace ClaudBot.Tests.Chat;

/// <summary>
/// <c>monitor --json</c>, <c>say --json</c> and <c>submit --json</c> as a script runs them: the whole of stdout is one
/// JSON document, and the exit code is the one the document states.
/// </summary>
public sealed class JsonVerbTests
{
    [Fact]
    public async Task Monitor_Json_OnAStoppedNode_SaysDown_AndExitsClusterDown()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "monitor", "--json");

        Assert.True(run.ExitCode == ExitCodes.ClusterDown, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("up").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("processes").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cluster").ValueKind);
        Assert.Equal("the cluster is stopped (type 'start cluster')", json.RootElement.GetProperty("queue_error").GetString());
    }

    [Fact]
    public async Task Say_Json_ABacktestWithoutSymbols_IsAQuestion_WithItsIntent_AndExitsBadInput()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "--json", "backtest rsi");

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("backtest rsi", root.GetProperty("text").GetString());
        Assert.Equal("submit_cluster_job", root.GetProperty("intent").GetString());
        Assert.True(root.GetProperty("needs_answer").GetBoolean());
        Assert.Equal(ExitCodes.BadInput, root.GetProperty("exit_code").GetInt32());
        Assert.Equal(["On which symbols? (e.g. TCS, INFY, nifty50)"], root.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("job_id").ValueKind);
    }

    [Fact]
    public async Task Say_Json_StopWithoutYes_NeedsConfirmation_AndSaysSoOnStderrOnly()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "--json", "stop cluster");

        Assert.True(run.ExitCode == ExitCodes.NeedsConfirmation, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("stop_cluster", json.RootElement.GetProperty("intent").GetString());
        Assert.True(json.RootElement.GetProperty("needs_confirmation").GetBoolean());
        Assert.Equal("Not done: this needs a yes. Run again with --yes.", run.Stderr.TrimEnd());
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task Say_Json_ABacktest_HasTheJobId_StateCompleted_TheRankingAndTheChartFile()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "--json", "backtest rsi on TCS 2021-2022");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("submit_cluster_job", root.GetProperty("intent").GetString());
        string id = root.GetProperty("job_id").GetString()!;
        Assert.Matches("^[a-z0-9]+$", id);
        Assert.Equal("completed", root.GetProperty("job_state").GetString());
        Assert.Contains(root.GetProperty("lines").EnumerateArray(), l => l.GetString()!.StartsWith($"Job {id} queued: 1 backtest", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("tables").EnumerateArray(), t => t.GetProperty("title").GetString() == "Top 1 by Sharpe");
        string chart = Assert.Single(root.GetProperty("files").EnumerateArray()).GetString()!;
        Assert.Equal(state.ChartPath(id), chart);
        Assert.True(File.Exists(chart), chart);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task Submit_Json_NoWait_GivesTheQueuedJobsId()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "submit", "rsi,macd", "TCS", "2021-01-01", "2021-12-31", "--no-wait", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Matches("^[a-z0-9]+$", root.GetProperty("job_id").GetString()!);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("job_state").ValueKind);
        Assert.True(root.GetProperty("succeeded").GetBoolean());
    }
}
