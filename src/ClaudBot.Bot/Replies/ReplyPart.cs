namespace ClaudBot.Bot.Replies;

/// <summary>One piece of a reply; each channel renders it its own way (Spectre markup, Telegram HTML).</summary>
public abstract record ReplyPart;

/// <summary>A paragraph of plain text (never markup: channels escape it).</summary>
public sealed record TextPart(string Text, ReplyTone Tone = ReplyTone.Info) : ReplyPart;

/// <summary>Preformatted text shown in a fixed-width font (status blocks, log lines).</summary>
public sealed record BlockPart(string Text) : ReplyPart;

/// <summary>A table; <see cref="NumericColumns"/> are right-aligned.</summary>
public sealed record TablePart(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ReplyPart
{
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();
}

/// <summary>A picture (PNG) with a caption.</summary>
public sealed record ImagePart(string FileName, ReadOnlyMemory<byte> Png, string Caption) : ReplyPart;

/// <summary>A file to download, e.g. a results JSON.</summary>
public sealed record DocumentPart(string FileName, ReadOnlyMemory<byte> Content, string Caption) : ReplyPart;

/// <summary>How a text reads: information, success, a warning, or an error.</summary>
public enum ReplyTone
{
    Info,
    Success,
    Warning,
    Error,
}
