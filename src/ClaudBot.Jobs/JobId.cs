using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ClaudBot.Jobs;

/// <summary>
/// A job's id: six lowercase ASCII letters or digits (<c>k7m2qz</c>). The one definition of the rule: the
/// node's store makes ids with <see cref="New()"/>, and the chat, the dashboard, the node's commands and the
/// ssh target's results-file check all parse them with <see cref="TryParse"/>, so nothing else ever reaches
/// a Redis key or a path.
/// </summary>
public readonly record struct JobId
{
    /// <summary>The rule in one line, for error messages.</summary>
    public const string Rule = "A job id is 6 lowercase letters or digits, such as k7m2qz.";

    /// <summary>How many characters an id has.</summary>
    public const int Length = 6;

    // New ids leave out look-alikes (0/o, 1/i/l) so an id read aloud or copied by hand comes out right; parsing
    // still takes any letter or digit, so a mistyped id is answered "no such job" rather than "not an id".
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private static readonly SearchValues<char> ParseAlphabet = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    private readonly string? _value;

    private JobId(string value) => _value = value;

    /// <summary>A new random id (cryptographic randomness: ids are not guessable from one another).</summary>
    public static JobId New() => new(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>A new id drawn from <paramref name="random"/>, for tests that need the same ids each run.</summary>
    public static JobId New(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new(random.GetString(Alphabet, Length));
    }

    /// <summary>True when <paramref name="text"/> follows <see cref="Rule"/> exactly (no trimming, no case folding).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out JobId id)
    {
        id = default;
        if (text is not { Length: Length } || text.AsSpan().ContainsAnyExcept(ParseAlphabet))
        {
            return false;
        }

        id = new(text);
        return true;
    }

    /// <summary>The id, or a <see cref="FormatException"/> saying the rule.</summary>
    public static JobId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{Excerpt(text)}' is not a job id. {Rule}");

    /// <summary>True when <paramref name="text"/> is a job id (the same as <see cref="TryParse"/>).</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => TryParse(text, out _);

    /// <inheritdoc/>
    public override string ToString() => _value ?? string.Empty;

    // Errors quote at most a short excerpt of what was typed.
    private static string Excerpt(string? text) =>
        text is null ? string.Empty : text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 20), "…");
}
