using System.Globalization;
using System.Text;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>One call the bot made, with what the fake answered.</summary>
/// <param name="Sequence">1, 2, 3... in the order the calls were answered.</param>
/// <param name="ReceivedAt">When the request arrived, from the server's <see cref="TimeProvider"/>.</param>
/// <param name="ContentKind">"json", "multipart", "form" or "none": how the parameters came.</param>
/// <param name="Parameters">Every parameter as text; objects (reply_markup) as their JSON.</param>
/// <param name="StatusCode">The HTTP status answered (0 when the connection was dropped).</param>
/// <param name="ErrorDescription">The error's description when the call failed.</param>
/// <param name="Fault">The injected fault that answered this call, if any.</param>
/// <param name="ResultMessageId">The id of the message the call created or edited.</param>
public sealed record RecordedCall(
    long Sequence,
    string Method,
    DateTimeOffset ReceivedAt,
    string ContentKind,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<RecordedFile> Files,
    int StatusCode,
    string? ErrorDescription,
    FakeFault? Fault,
    int? ResultMessageId,
    string? ResponseJson)
{
    public bool Succeeded => StatusCode == 200;

    public long? ChatId => Parameters.TryGetValue("chat_id", out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : null;

    public int? MessageId => Parameters.TryGetValue("message_id", out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : ResultMessageId;

    public string? Text => Param("text");

    public string? Caption => Param("caption");

    public string? ParseMode => Param("parse_mode");

    public string? ReplyMarkupJson => Param("reply_markup");

    public string? CallbackQueryId => Param("callback_query_id");

    public RecordedFile? File => Files.Count > 0 ? Files[0] : null;

    public string? Param(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public bool Is(string method) => string.Equals(Method, method, StringComparison.OrdinalIgnoreCase);

    public override string ToString()
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"#{Sequence} {ReceivedAt:HH:mm:ss.fff} {Method} -> ");
        line.Append(StatusCode == 0 ? "dropped" : StatusCode.ToString(CultureInfo.InvariantCulture));
        if (ErrorDescription is not null)
            line.Append(CultureInfo.InvariantCulture, $" \"{ErrorDescription}\"");
        if (Fault is not null)
            line.Append(CultureInfo.InvariantCulture, $" [{Fault}]");
        foreach (var (name, value) in Parameters)
            line.Append(CultureInfo.InvariantCulture, $" {name}={Shorten(value)}");
        foreach (var file in Files)
            line.Append(CultureInfo.InvariantCulture, $" file({file.FileName ?? file.Reference}, {file.Bytes.Length} bytes)");
        return line.ToString();
    }

    private static string Shorten(string value) =>
        value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 57), "...");
}
