using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ClaudBot.Telegram;

/// <summary>
/// One queue per chat, each worked by its own task: a chat's messages are handled in order, and no chat
/// ever waits on another's work (the polling loop only enqueues). Long waits (following a job) are
/// started from a chat's work with <see cref="Detach"/> so the chat stays responsive.
/// </summary>
internal sealed class ChatQueues(Func<long, Exception, Task> onError) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Channel<Func<CancellationToken, Task>>> _queues = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public void Enqueue(long chatId, Func<CancellationToken, Task> work)
    {
        var queue = _queues.GetOrAdd(chatId, id =>
        {
            var created = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
            Track(Task.Run(() => DrainAsync(id, created.Reader), CancellationToken.None));
            return created;
        });
        queue.Writer.TryWrite(work);
    }

    /// <summary>Runs <paramref name="work"/> beside the chat's queue (still stopped with the bot).</summary>
    public void Detach(long chatId, Func<CancellationToken, Task> work) => Track(Task.Run(() => RunAsync(chatId, work), CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var queue in _queues.Values)
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task DrainAsync(long chatId, ChannelReader<Func<CancellationToken, Task>> reader)
    {
        try
        {
            await foreach (var work in reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                await RunAsync(chatId, work).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The bot is stopping.
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
        _running[task] = true;
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
