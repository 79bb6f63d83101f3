namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>The mime_type Telegram reports for a document, guessed from its name as Telegram does.</summary>
internal static class MimeTypes
{
    public static string FromFileName(string? fileName) =>
        Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant() switch
        {
            ".CSV" => "text/csv",
            ".TXT" or ".LOG" => "text/plain",
            ".JSON" => "application/json",
            ".PNG" => "image/png",
            ".JPG" or ".JPEG" => "image/jpeg",
            ".PDF" => "application/pdf",
            ".HTML" or ".HTM" => "text/html",
            ".ZIP" => "application/zip",
            _ => "application/octet-stream",
        };
}
