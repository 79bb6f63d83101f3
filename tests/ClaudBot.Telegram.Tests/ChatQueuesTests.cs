using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Telegram.Tests;

/// <summary>Per-chat queues are bounded in number and length and expire when idle (on a fake clock).</summary>
public sealed class ChatQueuesTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly List<(long Chat, Exception Error)> _errors = [];

    [Fact]
    public async Task AQueueIdleForItsTimeout_IsRemoved_AndTheChatGetsANewOneLater()
    {
        await using var queues = Queues();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(queues.Enqueue(1, _ => { ran.SetResult(); return Task.CompletedTask; }));
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queues.Count);

        _clock.Advance(Idle - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(1, queues.Count);

        await AdvanceUntilAsync(() => queues.Count == 0);

        var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(queues.Enqueue(1, _ => { again.SetResult(); return Task.CompletedTask; }));
        await again.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queues.Count);
    }

    [Fact]
    public async Task WorkPastTheQueueLength_IsRefused_AndWhatWasAcceptedAllRuns()
    {
        await using var queues = Queues(maxPending: 3);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int done = 0;
        Assert.True(queues.Enqueue(1, async _ => { started.SetResult(); await gate.Task; }));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        bool[] accepted = [.. Enumerable.Range(0, 5).Select(_ => queues.Enqueue(1, _ => { Interlocked.Increment(ref done); return Task.CompletedTask; }))];
        gate.SetResult();

        Assert.Equal([true, true, true, false, false], accepted);
        await WaitUntilAsync(() => Volatile.Read(ref done) == 3);
    }

    [Fact]
    public async Task MaxPendingPerChatFromSettings_RefusesTheThirdWaitingItem()
    {
        var options = TelegramOptionsTests.Bind(new() { ["Telegram:MaxPendingPerChat"] = "2" });
        await using var queues = Queues(options);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(queues.Enqueue(1, async _ => { started.SetResult(); await gate.Task; }));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        bool[] accepted = [.. Enumerable.Range(0, 3).Select(_ => queues.Enqueue(1, _ => Task.CompletedTask))];
        gate.SetResult();

        Assert.Equal([true, true, false], accepted);
    }

    [Fact]
    public async Task MaxChatsFromSettings_RefusesTheSecondChat()
    {
        var options = TelegramOptionsTests.Bind(new() { ["Telegram:MaxChats"] = "1" });
        await using var queues = Queues(options);

        Assert.Equal([true, false], new[] { queues.Enqueue(1, _ => Task.CompletedTask), queues.Enqueue(2, _ => Task.CompletedTask) });
    }

    [Fact]
    public async Task ChatsPastTheMaximum_AreRefused_UntilAnIdleOneExpires()
    {
        await using var queues = Queues(maxChats: 2);

        Assert.True(queues.Enqueue(1, _ => Task.CompletedTask));
        Assert.True(queues.Enqueue(2, _ => Task.CompletedTask));
        Assert.False(queues.Enqueue(3, _ => Task.CompletedTask));
        Assert.True(queues.Enqueue(1, _ => Task.CompletedTask));
        Assert.Equal(2, queues.Count);

        await AdvanceUntilAsync(() => queues.Count == 0);
        Assert.True(queues.Enqueue(3, _ => Task.CompletedTask));
    }

    [Fact]
    public async Task AFailingItem_IsReported_AndTheQueueGoesOn()
    {
        await using var queues = Queues();
        var after = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        queues.Enqueue(7, _ => throw new InvalidOperationException("boom"));
        queues.Enqueue(7, _ => { after.SetResult(); return Task.CompletedTask; });

        await after.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var (chat, error) = Assert.Single(_errors);
        Assert.Equal((7L, "boom"), (chat, error.Message));
    }

    [Fact]
    public void Strangers_ShareOneLane_WhateverChatTheyWriteFrom()
    {
        var options = new TelegramOptions { Token = "1:a" };
        options.Users.Add(new TelegramUser { Id = 5001 });

        Assert.Equal(7001, TelegramBotService.LaneOf(5001, 7001, options));
        Assert.Equal(TelegramBotService.StrangerLane, TelegramBotService.LaneOf(6666, 7001, options));
        Assert.Equal(TelegramBotService.StrangerLane, TelegramBotService.LaneOf(6667, 9999, options));
    }

    private ChatQueues Queues(int maxChats = 1_000, int maxPending = 32) => Queues(new TelegramOptions { MaxChats = maxChats, MaxPendingPerChat = maxPending, ChatIdleAfter = Idle });

    internal ChatQueues Queues(TelegramOptions options) =>
        new((chat, error) =>
        {
            lock (_errors)
            {
                _errors.Add((chat, error));
            }

            return Task.CompletedTask;
        }, _clock, options);

    // The drain task arms its idle timer after its last item, on another thread: advance until it has fired.
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            _clock.Advance(Idle);
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
