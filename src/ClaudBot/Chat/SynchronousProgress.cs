namespace ClaudBot.Chat;

/// <summary>
/// Reports on the caller's thread. <see cref="Progress{T}"/> posts to the thread pool, so a late report could
/// land after the follower has finished (a progress bar already stopped, a final state already read).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
