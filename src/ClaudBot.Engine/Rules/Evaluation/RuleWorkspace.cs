using ClaudBot.Engine.Data;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// What a compiled rule works in while it runs over one bar series: the bars, the shared series cache, and scratch
/// arrays handed out per node and taken back after each run, so a run allocates nothing once the buffers have grown.
/// </summary>
internal sealed class RuleWorkspace
{
    private readonly List<double[]> _numbers = [];
    private readonly List<long[]> _masks = [];
    private int _numbersUsed;
    private int _masksUsed;

    public SeriesCache Cache { get; } = new();

    public BarSeries Bars { get; private set; } = null!;

    /// <summary>Bars every node evaluates: the whole series, so cached indicators serve every range of it.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a run over <paramref name="bars"/>: takes back every scratch array.</summary>
    public void Begin(BarSeries bars)
    {
        Cache.Use(bars);
        Bars = bars;
        Count = bars.Count;
        _numbersUsed = 0;
        _masksUsed = 0;
    }

    public double[] RentNumbers() => Rent(_numbers, ref _numbersUsed);

    public long[] RentMask() => Rent(_masks, ref _masksUsed);

    /// <summary>A cached series, computed by <paramref name="compute"/> the first time it is asked for.</summary>
    public double[] Series(string key, Func<RuleWorkspace, double[]> compute)
    {
        if (!Cache.TryGet(key, out var series))
        {
            series = compute(this);
            Cache.Add(key, series);
        }

        return series;
    }

    private T[] Rent<T>(List<T[]> pool, ref int used)
    {
        if (used == pool.Count)
        {
            pool.Add(new T[Count]);
        }
        else if (pool[used].Length < Count)
        {
            pool[used] = new T[Count];
        }

        return pool[used++];
    }
}
