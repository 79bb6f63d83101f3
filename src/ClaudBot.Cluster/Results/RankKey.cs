namespace ClaudBot.Cluster.Results;

/// <summary>
/// How results rank: higher Sharpe first, then higher total return, then the lower task index, so the
/// order is total and the same however the file is read. The greater key is the better result.
/// </summary>
internal readonly record struct RankKey(double Sharpe, double TotalReturn, int Index) : IComparable<RankKey>
{
    public static RankKey Of(ResultRow row) => new(row.Sharpe, row.TotalReturn, row.Index);

    public int CompareTo(RankKey other)
    {
        int bySharpe = Sharpe.CompareTo(other.Sharpe);
        if (bySharpe != 0)
        {
            return bySharpe;
        }

        int byReturn = TotalReturn.CompareTo(other.TotalReturn);
        return byReturn != 0 ? byReturn : other.Index.CompareTo(Index);
    }

    public static bool operator <(RankKey left, RankKey right) => left.CompareTo(right) < 0;

    public static bool operator >(RankKey left, RankKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(RankKey left, RankKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RankKey left, RankKey right) => left.CompareTo(right) >= 0;
}
