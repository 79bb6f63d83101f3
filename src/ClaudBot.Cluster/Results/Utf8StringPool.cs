using System.Text;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// One string per distinct short UTF-8 text (symbols, strategy names): a file's 29,400 rows name a few
/// dozen symbols, so looking one up allocates nothing after its first appearance.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int MaxPooledBytes = 128;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public Utf8StringPool() => _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // UTF-8 never decodes to more UTF-16 chars than it has bytes.
        Span<char> chars = stackalloc char[MaxPooledBytes];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (!_byChars.TryGetValue(chars, out string? text))
        {
            text = new string(chars);
            _strings.Add(text);
        }

        return text;
    }
}
