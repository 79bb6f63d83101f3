namespace ClaudBot.Testing.FakeMarket;

/// <summary>A request the fake site holds: <see cref="Reached"/> completes when it arrives, so a test knows where the client is.</summary>
public sealed class HangingRequest
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    internal Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    internal void Arrive() => _reached.TrySetResult();
}
