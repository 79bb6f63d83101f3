namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Wakes every waiter when something changed; waiters take <see cref="NextChange"/> before they look.</summary>
internal sealed class ChangeSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = NewSource();

    public Task NextChange
    {
        get
        {
            lock (_lock)
                return _next.Task;
        }
    }

    public void Pulse()
    {
        TaskCompletionSource fired;
        lock (_lock)
        {
            fired = _next;
            _next = NewSource();
        }
        fired.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
