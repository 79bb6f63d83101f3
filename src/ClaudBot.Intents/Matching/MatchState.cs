namespace ClaudBot.Intents.Matching;

/// <summary>
/// Where one way of matching a pattern has got to: what it matched, captured and forgave so far. A value, with its
/// captures and typos as shared chains: the matcher branches at every slot length and optional group, and a branch
/// adds to its chain without copying what its parent found.
/// </summary>
internal readonly record struct MatchState(double LiteralScore, int Literals, int Skipped, Captures? Captures, Chain<Typo>? Typos)
{
    public static readonly MatchState Empty = new(0, 0, 0, null, null);
}

/// <summary>Tokens <c>[Start, Start + Length)</c> captured for a slot.</summary>
internal readonly record struct SlotSpan(string Name, int Start, int Length);

/// <summary>
/// The slots a match has captured so far, the last first, shared by every branch that goes on from it. Once scored it
/// keeps the weight of its slot words, so the branches' scores reuse it instead of looking each slot up again.
/// </summary>
internal sealed class Captures(SlotSpan last, Captures? before)
{
    public SlotSpan Last { get; } = last;

    public Captures? Before { get; } = before;

    /// <summary>Set by the evaluator of the one intent whose pattern made this chain.</summary>
    public (double SlotWords, bool Valid)? Scored { get; set; }

    public static SlotSpan[] InOrder(Captures? captures)
    {
        var spans = new List<SlotSpan>();
        for (var link = captures; link is not null; link = link.Before)
        {
            spans.Add(link.Last);
        }

        spans.Reverse();
        return [.. spans];
    }
}

/// <summary>A word typed (<see cref="Typed"/>) read as a pattern's word (<see cref="Expected"/>) within a small typo.</summary>
internal readonly record struct Typo(string Typed, string Expected);

/// <summary>An immutable list built by adding at the front; <see cref="InOrder"/> gives the items first added first.</summary>
internal sealed record Chain<T>(T Last, Chain<T>? Before)
{
    public static T[] InOrder(Chain<T>? chain)
    {
        int count = 0;
        for (var link = chain; link is not null; link = link.Before)
        {
            count++;
        }

        var items = new T[count];
        for (var link = chain; link is not null; link = link.Before)
        {
            items[--count] = link.Last;
        }

        return items;
    }
}
