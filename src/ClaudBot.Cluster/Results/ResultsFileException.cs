namespace ClaudBot.Cluster.Results;

/// <summary>
/// A results file that is not what the cluster writes: invalid or truncated JSON, or a value of the
/// wrong shape. The message names the problem; <see cref="ByteOffset"/> says where it is.
/// </summary>
public sealed class ResultsFileException : Exception
{
    public ResultsFileException()
    {
    }

    public ResultsFileException(string message)
        : base(message)
    {
    }

    public ResultsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResultsFileException(string message, long byteOffset, Exception? innerException = null)
        : base(message, innerException)
    {
        ByteOffset = byteOffset;
    }

    /// <summary>Offset in the file (from 0) where the problem was found.</summary>
    public long ByteOffset { get; }
}
