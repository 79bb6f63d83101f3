namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// <c>close &lt; bb_lower(n, k)</c>, <c>close &gt; bb_upper(n, k)</c> and <c>close &lt; / &gt; bb_middle(n)</c>, decided as the
/// bollinger kernel decides them, with its sums of (close - close[0]) and without a square root: d = n*(close - middle);
/// close &gt; middle &lt;=&gt; d &gt; 0; close &lt; lower &lt;=&gt; d &lt; 0 and d² &gt; k²(nQ - S²) (k &gt;= 0; upper mirrors it).
/// </summary>
/// <param name="below">True for close below the band, false for above.</param>
/// <param name="width">k for the outer bands; null for the middle band.</param>
internal sealed class BollingerBandNode(int period, bool below, double? width) : ConditionNode
{
    private readonly string _sumKey = "bb.sum(" + period.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";close)";
    private readonly string _squaresKey = "bb.squares(" + period.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";close)";

    public override long[] Evaluate(RuleWorkspace workspace)
    {
        var close = workspace.Bars.Close;
        if (!workspace.Cache.TryGet(_sumKey, out var sums) || !workspace.Cache.TryGet(_squaresKey, out var squares))
        {
            (sums, squares) = IndicatorMath.BollingerSums(workspace.Cache, close, period);
            workspace.Cache.Add(_sumKey, sums);
            workspace.Cache.Add(_squaresKey, squares);
        }

        double origin = close.Length > 0 ? close[0] : 0;
        double widthSquared = width is double k ? k * k : 0;
        int count = workspace.Count;
        var mask = workspace.RentMask();
        for (int i = 0; i < count; i++)
        {
            double sum = sums[i];
            double d = (period * (close[i] - origin)) - sum;
            bool side = below ? d < 0 : d > 0;
            bool holds = side && (width is null || d * d > widthSquared * Math.Max((period * squares[i]) - (sum * sum), 0));
            mask[i] = holds ? -1L : 0L;
        }

        return mask;
    }
}
