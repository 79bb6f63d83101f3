using System.Text;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// What a summary keeps while the results stream past: the best <c>top</c> rows in a bounded heap whose
/// root is the worst kept, the best row per symbol, and the failures with the lowest task indexes. A row is materialised only
/// when it enters one of these, so memory is bounded by <c>top</c> plus the number of symbols. The best few by each other
/// metric (<see cref="MetricLeaders"/>) are kept the same way.
/// </summary>
internal sealed class ResultRanking(int top)
{
    /// <summary>Results kept per metric besides the main ranking: more than a chat's "top 10 by cagr" asks.</summary>
    public const int LeadersKept = 20;

    // As many whatever the top asked for, so a stored summary and one ranked again for fewer rows keep the same leaders.
    private readonly MetricLeaders _leaders = new(top > 0 ? LeadersKept : 0);
    private readonly PriorityQueue<ResultRow, RankKey> _top = new(Math.Min(top, 1024));
    private readonly Dictionary<string, ResultRow> _bestBySymbol = new(StringComparer.Ordinal);
    private readonly List<ResultFailure> _failures = [];
    private readonly Utf8StringPool _names = new();
    private readonly StringBuilder _text = new(64);

    public int FailuresTotal { get; private set; }

    public void Add(scoped in ResultElement element)
    {
        if (element.IsFailure)
        {
            AddFailure(element);
            return;
        }

        var key = new RankKey(element.Metrics.Sharpe, element.Metrics.TotalReturn, element.Index);
        string symbol = _names.Get(element.Symbol);
        ResultRow? row = null;
        if (top > 0)
        {
            if (_top.Count < top)
            {
                row = Materialise(element, symbol);
                _top.Enqueue(row, key);
            }
            else if (_top.TryPeek(out _, out var worst) && key > worst)
            {
                row = Materialise(element, symbol);
                _top.DequeueEnqueue(row, key);
            }
        }

        if (!_bestBySymbol.TryGetValue(symbol, out var best) || key > RankKey.Of(best))
        {
            _bestBySymbol[symbol] = row ??= Materialise(element, symbol);
        }

        if (_leaders.Wants(element.Metrics, key))
        {
            _leaders.Add(element.Metrics, key, row ?? Materialise(element, symbol));
        }
    }

    /// <summary>The best few by each metric, best first (call once, at the end).</summary>
    public Dictionary<string, IReadOnlyList<ResultRow>> Leaders() => _leaders.Build();

    /// <summary>The kept rows best first.</summary>
    public ResultRow[] Top()
    {
        var rows = new ResultRow[_top.Count];
        for (int i = rows.Length - 1; i >= 0; i--)
        {
            rows[i] = _top.Dequeue();
        }

        return rows;
    }

    public ResultRow[] BestBySymbol()
    {
        var rows = _bestBySymbol.Values.ToArray();
        Array.Sort(rows, (a, b) => RankKey.Of(b).CompareTo(RankKey.Of(a)));
        return rows;
    }

    public ResultFailure[] Failures() => [.. _failures];

    private void AddFailure(scoped in ResultElement element)
    {
        FailuresTotal++;

        // The first failures by task index, whatever order they come in (a job's chunks are filed as they finish).
        if (_failures.Count == ResultsFileReader.FailuresKept && element.Index > _failures[^1].Index)
        {
            return;
        }

        var failure = new ResultFailure(element.Index, Encoding.UTF8.GetString(element.Strategy), _names.Get(element.Symbol), Encoding.UTF8.GetString(element.Error));
        int at = _failures.FindLastIndex(f => f.Index < failure.Index) + 1;
        _failures.Insert(at, failure);
        if (_failures.Count > ResultsFileReader.FailuresKept)
        {
            _failures.RemoveAt(_failures.Count - 1);
        }
    }

    private ResultRow Materialise(scoped in ResultElement element, string symbol)
    {
        string name = _names.Get(element.Strategy);
        var m = element.Metrics;
        return new ResultRow(
            element.Index, name, StrategyText.Format(_text, name, element.Params), symbol, element.From, element.To,
            m.TotalReturn, m.Cagr, m.Sharpe, m.MaxDrawdown, m.Trades, m.WinRate, m.ProfitFactor, m.FinalEquity)
        {
            BenchmarkReturn = element.BenchmarkReturn,
            ExcessReturn = element.ExcessReturn,
            Beta = element.Beta,
            Alpha = element.Alpha,
            MarketIndex = element.MarketIndex.IsEmpty ? null : _names.Get(element.MarketIndex),
            Fees = m.Fees,
            Turnover = m.Turnover,
            SkippedEntries = m.SkippedEntries,
            Sortino = m.Sortino,
            Calmar = m.Calmar,
        };
    }
}
