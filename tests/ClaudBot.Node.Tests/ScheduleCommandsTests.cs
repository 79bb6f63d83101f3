using ClaudBot.Cluster.Schedules;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Tests;

/// <summary><c>claudbot-node schedule add</c>, <c>schedules</c> and <c>schedule cancel</c> in this process against a node hosted in it.</summary>
[Trait("Category", "RealServer")]
[Collection(ProcessEnvironment.Name)]
public sealed class ScheduleCommandsTests : InProcessNode
{
    [Fact]
    public async Task Add_List_Cancel_GoThroughTheQueueServersBook()
    {
        var (exit, output, error) = await RunAsync("schedule", "add", "rsi", "TCS,INFY", "last 2 years", "--every", "mon,wed,fri", "--at", "18:00", "--by", "tester");

        Assert.True(exit == ExitCodes.Success, error);
        var stored = Assert.Single(await Services.GetRequiredService<ScheduleStore>().ListAsync(CancellationToken.None));
        Assert.StartsWith($"Schedule {stored.Id} added.", output, StringComparison.Ordinal);
        Assert.Equal(("mon,wed,fri", "18:00", "Asia/Kolkata", "tester"), (stored.Every, stored.At, stored.TimeZone, stored.CreatedBy));
        Assert.Equal(["TCS", "INFY"], stored.Request.Symbols);

        var listed = await RunAsync("schedules");
        Assert.Equal(ExitCodes.Success, listed.Exit);
        Assert.Contains($"{stored.Id}  mon,wed,fri at 18:00 Asia/Kolkata: rsi on TCS,INFY over last 2 years; next ", listed.Output, StringComparison.Ordinal);

        var cancelled = await RunAsync("schedule", "cancel", stored.Id);
        Assert.Equal((ExitCodes.Success, $"Schedule {stored.Id} cancelled."), (cancelled.Exit, cancelled.Output.Trim()));
        Assert.Empty(await Services.GetRequiredService<ScheduleStore>().ListAsync(CancellationToken.None));
        Assert.Equal("No schedules.", (await RunAsync("schedules")).Output.Trim());

        var again = await RunAsync("schedule", "cancel", stored.Id);
        Assert.Equal(ExitCodes.BadInput, again.Exit);
        Assert.Contains("There is no schedule", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fortnightly", "18:00", "'fortnightly' is not a day")]
    [InlineData("weekdays", "6pm", "'6pm' is not a time of day")]
    public async Task Add_WithABadWhen_ExitsBadInput_SayingWhy_AndStoresNothing(string every, string at, string reason)
    {
        var (exit, _, error) = await RunAsync("schedule", "add", "rsi", "TCS", "1 year", "--every", every, "--at", at);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Empty(await Services.GetRequiredService<ScheduleStore>().ListAsync(CancellationToken.None));
    }
}
