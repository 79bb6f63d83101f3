using System.Text.Json;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// The results file read as a stream of buffers: <see cref="Consume"/> takes what the buffer holds of
/// whole values and returns how many bytes that was; the caller keeps the rest and appends more. Header
/// values and each result are read from a checkpoint, so one split across two buffers is read again
/// whole, never half-counted. Data is always read as not final: at the end of the stream an unfinished
/// document is reported as truncated rather than as the reader's own error.
/// </summary>
internal sealed class ResultsFileParser(int top)
{
    private readonly SummaryFold _fold = new(top);
    private readonly ResultsHeader _header = new();
    private JsonReaderState _readerState;
    private Phase _phase;
    private long _offset;
    private int _position;

    private enum Phase
    {
        BeforeRoot,
        Header,
        Results,
        AfterRoot,
    }

    /// <summary>Bytes of the file consumed so far.</summary>
    public long Offset => _offset;

    /// <summary>Reads what it can of <paramref name="data"/> (the file from <see cref="Offset"/> on); returns the bytes consumed.</summary>
    public int Consume(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, _readerState);
        try
        {
            while (Step(ref reader, data))
            {
            }
        }
        catch (JsonException error)
        {
            // The reader counts lines and positions across buffers; the cluster writes the file on one line.
            int at = (int)reader.BytesConsumed;
            long offset = error is { LineNumber: 0, BytePositionInLine: { } position }
                ? position
                : _offset + at + (data.Length - at - data[at..].TrimStart(" \t\r\n"u8).Length);
            throw new ResultsFileException($"The results file is not valid JSON at byte {offset}: {ResultsJson.Problem(error)}", offset, error);
        }

        _readerState = reader.CurrentState;
        _offset += reader.BytesConsumed;
        return (int)reader.BytesConsumed;
    }

    /// <summary>The summary, once the stream has ended after <paramref name="length"/> bytes; an unfinished document is reported as truncated.</summary>
    public ResultsSummary Finish(long length)
    {
        if (_phase != Phase.AfterRoot)
        {
            string where = _phase switch
            {
                Phase.BeforeRoot when length == 0 => "before the first value (it is empty)",
                Phase.BeforeRoot => "before the root object",
                Phase.Results => $"inside the results array, after {_position} complete results (the unfinished part starts at byte {_offset})",
                _ => _header.HasResults ? "after the results array" : $"in the header, before the results (the unfinished part starts at byte {_offset})",
            };
            throw new ResultsFileException($"The results file ends at byte {length} {where}: it is truncated, or still being written.", length);
        }

        return _fold.Complete(_header.Summary([], [], [], 0));
    }

    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data) => _phase switch
    {
        Phase.BeforeRoot => TryStartRoot(ref reader),
        Phase.Header => TryReadRootProperty(ref reader),
        Phase.Results => TryReadResult(ref reader, data),
        _ => TryReadTrailing(ref reader),
    };

    private bool TryStartRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ResultsJson.Error(_offset, reader, "the file is not a JSON object");
        }

        _phase = Phase.Header;
        return true;
    }

    private bool TryReadRootProperty(ref Utf8JsonReader reader)
    {
        var checkpoint = reader;
        if (!reader.Read())
        {
            reader = checkpoint;
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            _header.CheckComplete(_offset + reader.TokenStartIndex);
            _phase = Phase.AfterRoot;
            return true;
        }

        var field = ResultsHeader.Name(ref reader);
        if (!reader.Read())
        {
            reader = checkpoint;
            return false;
        }

        if (field == HeaderField.Results)
        {
            ResultsJson.Expect(ref reader, JsonTokenType.StartArray, _offset, -1, "results");
            _header.HasResults = true;
            _phase = Phase.Results;
            return true;
        }

        // The whole value must be in the buffer before it is read; the check leaves the reader on its last token.
        var value = reader;
        if (!reader.TrySkip())
        {
            reader = checkpoint;
            return false;
        }

        _header.Read(field, ref value, _offset);
        return true;
    }

    private bool TryReadResult(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        var checkpoint = reader;
        if (!reader.Read())
        {
            reader = checkpoint;
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            _phase = Phase.Header;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ResultsJson.Error(_offset, reader, $"results[{_position}] is not an object");
        }

        if (!ResultElement.TryRead(ref reader, data, _offset, _position, out var element))
        {
            reader = checkpoint;
            return false;
        }

        _fold.Add(element);

        _position++;
        return true;
    }

    /// <summary>After the root object only white space may follow; the reader itself rejects anything else.</summary>
    private bool TryReadTrailing(ref Utf8JsonReader reader) =>
        reader.Read() ? throw ResultsJson.Error(_offset, reader, "there is more after the root object") : false;
}
