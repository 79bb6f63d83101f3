namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>
/// A file the bot sent: uploaded bytes from a multipart part, or a reference (a file_id issued earlier, or a URL).
/// </summary>
/// <param name="Field">The method's field that named the file (photo, document).</param>
/// <param name="PartName">The multipart part that carried the bytes ("0" for Telegram.Bot's attach://0), or null.</param>
/// <param name="FileName">The part's file name, as the client sent it.</param>
/// <param name="Reference">The file_id or URL when the bot sent no bytes.</param>
public sealed record RecordedFile(
    string Field,
    string? PartName,
    string? FileName,
    string? ContentType,
    byte[] Bytes,
    string? Reference)
{
    public bool IsUpload => PartName is not null;
}
