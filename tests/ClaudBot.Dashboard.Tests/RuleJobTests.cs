namespace ClaudBot.Dashboard.Tests;

/// <summary>A job whose strategy is a rule is submitted like any other: the text reaches the job unchanged, each grid point a task.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class RuleJobTests(NodeFixture fixture)
{
    private const string Typed = "BUY WHEN rsi(2..3) IS BELOW 10 then sell when rsi(2) > 70";

    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task RuleText_ReachesTheJobUnchanged_WithATaskPerCombinationAndSymbol()
    {
        var submitted = await Node.SubmitAsync(Typed, ["TCS", "INFY"], "2021-06-01", "2023-12-31");
        string id = submitted.GetProperty("id").GetString()!;
        var shown = await Node.GetJsonAsync($"/api/jobs/{id}");

        Assert.Equal(Typed, submitted.GetProperty("spec").GetProperty("strategies").GetString());
        Assert.Equal(Typed, shown.GetProperty("spec").GetProperty("strategies").GetString());
        Assert.Equal(4, submitted.GetProperty("tasks_total").GetInt32());
        Assert.Equal(2, submitted.GetProperty("chunks_total").GetInt32()); // one chunk a symbol: the two rules share a chunk
        await Node.WaitFinishedAsync(id);
    }
}
