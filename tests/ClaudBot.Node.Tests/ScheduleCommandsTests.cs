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

    [Fact]
    public async Task Add_WithNotify_StoresTheChatsToTell_AndABadOneExitsBadInput()
    {
        var (exit, _, error) = await RunAsync("schedule", "add", "rsi", "TCS", "1 year", "--every", "daily", "--at", "09:15", "--notify", "telegram:12345:5", "--notify", "terminal:local");

        Assert.True(exit == ExitCodes.Success, error);
        var stored = Assert.Single(await Services.GetRequiredService<ScheduleStore>().ListAsync(CancellationToken.None));
        Assert.Equal([new("telegram", "12345", 5), new("terminal", "local")], stored.Notify);

        var tooMany = await RunAsync("schedule", "add", "rsi", "TCS", "1 year", "--every", "daily", "--at", "09:15", "--notify", "telegram:12345:51");
        Assert.Equal(ExitCodes.BadInput, tooMany.Exit);
        Assert.Contains("top must be 1 to 50 (it was 51)", tooMany.Error, StringComparison.Ordinal);
        var unread = await RunAsync("schedule", "add", "rsi", "TCS", "1 year", "--every", "daily", "--at", "09:15", "--notify", "telegram");
        Assert.Equal(ExitCodes.BadInput, unread.Exit);
        Assert.Contains("'telegram' is not a chat to tell: write channel:chat or channel:chat:top", unread.Error, StringComparison.Ordinal);
        Assert.Single(await Services.GetRequiredService<ScheduleStore>().ListAsync(CancellationToken.None));
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
