using System.Text;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>The calls the bot made, in order; thread-safe, and signalled on each record.</summary>
internal sealed class CallLog
{
    private readonly Lock _lock = new();
    private readonly List<RecordedCall> _calls = [];

    public ChangeSignal Changed { get; } = new();

    public IReadOnlyList<RecordedCall> Snapshot()
    {
        lock (_lock)
            return [.. _calls];
    }

    public RecordedCall Add(Func<long, RecordedCall> create)
    {
        RecordedCall call;
        lock (_lock)
        {
            call = create(_calls.Count + 1);
            _calls.Add(call);
        }
        Changed.Pulse();
        return call;
    }

    public string Describe()
    {
        var calls = Snapshot();
        var text = new StringBuilder().Append("Recorded calls (").Append(calls.Count).Append("):");
        if (calls.Count == 0)
            text.Append(" none");
        foreach (var call in calls)
            text.Append("\n  ").Append(call);
        return text.ToString();
    }
}
