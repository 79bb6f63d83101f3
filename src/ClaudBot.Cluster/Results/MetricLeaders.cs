namespace ClaudBot.Cluster.Results;

/// <summary>
/// The best few results by each of <see cref="RankedMetric.All"/>, kept while results stream past (a bounded heap per
/// metric whose root is the worst kept), so "top 10 by cagr" of a job of any size is answered from its summary.
/// </summary>
internal sealed class MetricLeaders(int kept)
{
    private readonly PriorityQueue<ResultRow, (double Score, RankKey Key)>[] _heaps =
        [.. RankedMetric.All.Select(_ => new PriorityQueue<ResultRow, (double, RankKey)>(kept, ScoreOrder.Instance))];

    /// <summary>Whether <paramref name="metrics"/> would enter any metric's leaders: only then is a row made for it.</summary>
    public bool Wants(in ResultMetrics metrics, RankKey key)
    {
        for (int i = 0; i < _heaps.Length; i++)
        {
            if (Enters(i, metrics, key) is not null)
            {
                return true;
            }
        }

        return false;
    }

    public void Add(in ResultMetrics metrics, RankKey key, ResultRow row)
    {
        for (int i = 0; i < _heaps.Length; i++)
        {
            if (Enters(i, metrics, key) is { } score)
            {
                if (_heaps[i].Count < kept)
                {
                    _heaps[i].Enqueue(row, (score, key));
                }
                else
                {
                    _heaps[i].DequeueEnqueue(row, (score, key));
                }
            }
        }
    }

    /// <summary>Each metric's leaders, best first; a metric no result had a number for is left out.</summary>
    public Dictionary<string, IReadOnlyList<ResultRow>> Build()
    {
        var leaders = new Dictionary<string, IReadOnlyList<ResultRow>>(StringComparer.Ordinal);
        for (int i = 0; i < _heaps.Length; i++)
        {
            var heap = _heaps[i];
            var rows = new ResultRow[heap.Count];
            for (int r = rows.Length - 1; r >= 0; r--)
            {
                rows[r] = heap.Dequeue();
            }

            if (rows.Length > 0)
            {
                leaders[RankedMetric.All[i].Name] = rows;
            }
        }

        return leaders;
    }

    private double? Enters(int metric, in ResultMetrics metrics, RankKey key)
    {
        if (kept == 0 || RankedMetric.All[metric].Score(metrics) is not { } score)
        {
            return null;
        }

        var heap = _heaps[metric];
        return heap.Count < kept || (heap.TryPeek(out _, out var worst) && ScoreOrder.Instance.Compare((score, key), worst) > 0) ? score : null;
    }

    // The heap's root is the worst kept: the lower score, then the worse of the one ranking.
    private sealed class ScoreOrder : IComparer<(double Score, RankKey Key)>
    {
        public static readonly ScoreOrder Instance = new();

        public int Compare((double Score, RankKey Key) x, (double Score, RankKey Key) y)
        {
            int byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : x.Key.CompareTo(y.Key);
        }
    }
}
