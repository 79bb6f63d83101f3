namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Faults queued per method, taken one per call, and counted when served.</summary>
internal sealed class FaultPlan
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<FakeFault>> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _served = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string method, FakeFault fault, int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_lock)
        {
            if (!_pending.TryGetValue(method, out var queue))
                _pending[method] = queue = new Queue<FakeFault>();
            for (int i = 0; i < times; i++)
                queue.Enqueue(fault);
        }
    }

    public FakeFault? TakeNext(string method)
    {
        lock (_lock)
        {
            if (!_pending.TryGetValue(method, out var queue) || !queue.TryDequeue(out var fault))
                return null;
            _served[method] = _served.GetValueOrDefault(method) + 1;
            return fault;
        }
    }

    public int Served(string method)
    {
        lock (_lock)
            return _served.GetValueOrDefault(method);
    }

    public int Pending(string method)
    {
        lock (_lock)
            return _pending.TryGetValue(method, out var queue) ? queue.Count : 0;
    }
}
