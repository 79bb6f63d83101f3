namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The catalogue's example phrasings as unit vectors, by intent. A phrase's score for an intent is the mean cosine
/// similarity of its <see cref="TopK"/> nearest examples of that intent; the best intent is the guess when it scores
/// at least the minimum and leads the next intent by at least the margin.
/// </summary>
internal sealed class ExampleIndex
{
    /// <summary>How many nearest examples of an intent make its score (one close example alone is not enough).</summary>
    public const int TopK = 2;

    private readonly string[] _intents;
    private readonly float[][][] _vectors;

    /// <param name="examples">Each intent with its example vectors (any length; they are normalised here).</param>
    public ExampleIndex(IReadOnlyList<(string Intent, IReadOnlyList<float[]> Vectors)> examples)
    {
        _intents = [.. examples.Select(e => e.Intent)];
        _vectors = [.. examples.Select(e => e.Vectors.Select(Normalised).ToArray())];
        Dimensions = _vectors.SelectMany(v => v).FirstOrDefault()?.Length ?? 0;
    }

    public int Count => _vectors.Sum(v => v.Length);

    public int Dimensions { get; }

    /// <summary>The intents ranked by score, best first (all of them, for calibration and the bench).</summary>
    public IReadOnlyList<(string Intent, double Score)> Rank(float[] phrase)
    {
        var query = Normalised(phrase);
        var scores = new (string Intent, double Score)[_intents.Length];
        Span<double> best = stackalloc double[TopK];
        for (int i = 0; i < _intents.Length; i++)
        {
            best.Fill(double.NegativeInfinity);
            foreach (var example in _vectors[i])
            {
                Insert(best, Dot(query, example));
            }

            int taken = Math.Min(TopK, _vectors[i].Length);
            double sum = 0;
            for (int k = 0; k < taken; k++)
            {
                sum += best[k];
            }

            scores[i] = (_intents[i], taken == 0 ? double.NegativeInfinity : sum / taken);
        }

        Array.Sort(scores, (a, b) => b.Score.CompareTo(a.Score));
        return scores;
    }

    /// <summary>
    /// The best intent of <paramref name="ranked"/> (best first) when it scores at least <paramref name="minScore"/> and
    /// leads the next by at least <paramref name="minMargin"/>.
    /// </summary>
    public static SemanticGuess? Guess(IReadOnlyList<(string Intent, double Score)> ranked, double minScore, double minMargin)
    {
        if (ranked.Count == 0)
        {
            return null;
        }

        double margin = ranked[0].Score - (ranked.Count > 1 ? ranked[1].Score : 0);
        return ranked[0].Score >= minScore && margin >= minMargin ? new SemanticGuess(ranked[0].Intent, ranked[0].Score, margin) : null;
    }

    private static void Insert(Span<double> best, double value)
    {
        for (int k = 0; k < best.Length; k++)
        {
            if (value > best[k])
            {
                (best[k], value) = (value, best[k]);
            }
        }
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static float[] Normalised(float[] vector)
    {
        double norm = Math.Sqrt(Dot(vector, vector));
        return norm == 0 ? vector : [.. vector.Select(x => (float)(x / norm))];
    }
}
