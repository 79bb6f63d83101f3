using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// Typed reads of the current token for <see cref="ResultsFileReader"/>: each names the field and the
/// byte offset when the token is not what the cluster writes. <c>where</c> is the field's path
/// (<c>results[17].metrics.sharpe</c>), built only when there is an error to report.
/// </summary>
internal static class ResultsJson
{
    public static ResultsFileException Error(long baseOffset, in Utf8JsonReader reader, string problem)
    {
        long offset = baseOffset + reader.TokenStartIndex;
        return new ResultsFileException($"The results file is malformed at byte {offset}: {problem}.", offset);
    }

    public static string Where(int position, string field) =>
        position < 0 ? field : string.Create(CultureInfo.InvariantCulture, $"results[{position}].{field}");

    public static double Double(ref Utf8JsonReader reader, long baseOffset, int position, string field) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value)
            ? value
            : throw Error(baseOffset, reader, $"'{Where(position, field)}' is {Describe(reader)}, not a finite number");

    /// <summary>A metric the writer could not give as a number (NaN or Infinity) is <c>null</c>; it reads as NaN.</summary>
    public static double DoubleOrNaN(ref Utf8JsonReader reader, long baseOffset, int position, string field) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : Double(ref reader, baseOffset, position, field);

    public static double? NullableDouble(ref Utf8JsonReader reader, long baseOffset, int position, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : Double(ref reader, baseOffset, position, field);

    public static int Int32(ref Utf8JsonReader reader, long baseOffset, int position, string field) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value)
            ? value
            : throw Error(baseOffset, reader, $"'{Where(position, field)}' is {Describe(reader)}, not a whole number");

    /// <summary>A string's UTF-8 bytes: the reader's own span, copied only when it holds escapes.</summary>
    public static ReadOnlySpan<byte> Utf8(ref Utf8JsonReader reader, long baseOffset, int position, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Error(baseOffset, reader, $"'{Where(position, field)}' is {Describe(reader)}, not a string");
        }

        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var unescaped = new byte[reader.ValueSpan.Length];
        return unescaped.AsSpan(0, reader.CopyString(unescaped));
    }

    public static string String(ref Utf8JsonReader reader, long baseOffset, int position, string field) =>
        Encoding.UTF8.GetString(Utf8(ref reader, baseOffset, position, field));

    public static DateOnly Date(ref Utf8JsonReader reader, long baseOffset, int position, string field)
    {
        var utf8 = Utf8(ref reader, baseOffset, position, field);
        Span<char> text = stackalloc char[10];
        return utf8.Length == text.Length
            && Encoding.UTF8.TryGetChars(utf8, text, out int length)
            && DateOnly.TryParseExact(text[..length], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error(baseOffset, reader, $"'{Where(position, field)}' is not a date (yyyy-MM-dd)");
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type, long baseOffset, int position, string field)
    {
        if (reader.TokenType != type)
        {
            string expected = type switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.StartArray => "an array",
                _ => type.ToString(),
            };
            throw Error(baseOffset, reader, $"'{Where(position, field)}' is {Describe(reader)}, not {expected}");
        }
    }

    /// <summary>A JSON error's message without its line and position, which count from the file's last line break.</summary>
    public static string Problem(JsonException error)
    {
        int cut = error.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut < 0 ? error.Message : error.Message[..cut];
    }

    private static string Describe(in Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "the number " + Encoding.UTF8.GetString(reader.ValueSpan[..Math.Min(reader.ValueSpan.Length, 40)]),
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };
}
