using System.Text;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// What a summary keeps while the results stream past: the best <c>top</c> rows in a bounded heap whose
/// root is the worst kept, the best row per symbol, and the first failures. A row is materialised only
/// when it enters one of these, so memory is bounded by <c>top</c> plus the number of symbols.
/// </summary>
internal sealed class ResultRanking(int top)
{
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
            _bestBySymbol[symbol] = row ?? Materialise(element, symbol);
        }
    }

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
        if (_failures.Count < ResultsFileReader.FailuresKept)
        {
            _failures.Add(new ResultFailure(element.Index, Encoding.UTF8.GetString(element.Strategy), _names.Get(element.Symbol), Encoding.UTF8.GetString(element.Error)));
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
        };
    }
}
