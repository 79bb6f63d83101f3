using System.Threading.Channels;

namespace ClaudBot.Telegram;

/// <summary>
/// One queue per chat, each worked by its own task: a chat's messages are handled in order, and no chat
/// ever waits on another's work (the polling loop only enqueues). Long waits (following a job) are
/// started from a chat's work with <see cref="Detach"/> so the chat stays responsive.
/// </summary>
/// <remarks>
/// Bounded, because chats are created by whoever writes to the bot: at most <see cref="TelegramOptions.MaxChats"/>
/// queues, at most <see cref="TelegramOptions.MaxPendingPerChat"/> waiting items each (more are refused, not
/// buffered), and a queue idle for <see cref="TelegramOptions.ChatIdleAfter"/> is removed with its task. Strangers never get a queue of their own: the service puts them
/// all in one lane (<see cref="TelegramBotService"/>).
/// </remarks>
internal sealed class ChatQueues(Func<long, Exception, Task> onError, TimeProvider time, TelegramOptions options) : IAsyncDisposable
{
    private readonly Dictionary<long, Channel<Func<CancellationToken, Task>>> _queues = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<Task, bool> _running = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _maxChats = options.MaxChats;
    private readonly int _maxPending = options.MaxPendingPerChat;
    private readonly TimeSpan _idleAfter = options.ChatIdleAfter;

    /// <summary>Queues that exist now (each with its task).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queues.Count;
            }
        }
    }

    /// <returns>False when the work was refused: the chat has <see cref="TelegramOptions.MaxPendingPerChat"/> items waiting, or a new chat would pass <see cref="TelegramOptions.MaxChats"/>.</returns>
    public bool Enqueue(long chatId, Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return false;
            }

            if (!_queues.TryGetValue(chatId, out var queue))
            {
                if (_queues.Count >= _maxChats)
                {
                    return false;
                }

                queue = Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(_maxPending) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
                _queues[chatId] = queue;
                Track(Task.Run(() => DrainAsync(chatId, queue), CancellationToken.None));
            }

            // With FullMode.Wait, TryWrite refuses at capacity instead of dropping older work.
            return queue.Writer.TryWrite(work);
        }
    }

    /// <summary>Runs <paramref name="work"/> beside the chat's queue (still stopped with the bot).</summary>
    public void Detach(long chatId, Func<CancellationToken, Task> work) => Track(Task.Run(() => RunAsync(chatId, work), CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            _stopping.Cancel();
            foreach (var queue in _queues.Values)
            {
                queue.Writer.TryComplete();
            }

            running = [.. _running.Keys];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task DrainAsync(long chatId, Channel<Func<CancellationToken, Task>> queue)
    {
        var reader = queue.Reader;
        try
        {
            while (true)
            {
                while (reader.TryRead(out var work))
                {
                    await RunAsync(chatId, work).ConfigureAwait(false);
                }

                if (!await WaitOrRetireAsync(chatId, queue).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The bot is stopping.
        }
    }

    // True when there is more to read; false when the queue was completed or retired after idling.
    private async Task<bool> WaitOrRetireAsync(long chatId, Channel<Func<CancellationToken, Task>> queue)
    {
        using var idle = new CancellationTokenSource(_idleAfter, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, _stopping.Token);
        try
        {
            return await queue.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            // Removed under the lock that Enqueue writes under, so no work can land in a retired queue.
            lock (_gate)
            {
                if (queue.Reader.Count > 0)
                {
                    return true;
                }

                _queues.Remove(chatId);
                queue.Writer.TryComplete();
                return false;
            }
        }
    }

    private async Task RunAsync(long chatId, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The bot is stopping.
        }
        catch (Exception error)
        {
            // One bad update must not end the chat's worker.
            await onError(chatId, error).ConfigureAwait(false);
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _running[task] = true;
        }

        task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
