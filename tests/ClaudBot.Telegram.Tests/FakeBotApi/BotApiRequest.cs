using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>
/// One call's parameters however they came: a JSON body, multipart/form-data (each field a text part, objects as JSON
/// text, files as parts the fields point to with attach://NAME), a form-urlencoded body, or the query string.
/// </summary>
internal sealed class BotApiRequest
{
    private BotApiRequest(string method, string contentKind, Dictionary<string, string> parameters, Dictionary<string, RecordedFile> parts)
    {
        Method = method;
        ContentKind = contentKind;
        Parameters = parameters;
        Parts = parts;
    }

    public string Method { get; }

    public string ContentKind { get; }

    public Dictionary<string, string> Parameters { get; }

    /// <summary>Uploaded parts by part name.</summary>
    public Dictionary<string, RecordedFile> Parts { get; }

    public static async Task<BotApiRequest> ReadAsync(HttpRequest request, string method, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = new Dictionary<string, RecordedFile>(StringComparer.Ordinal);
        string kind = "none";
        if (request.HasJsonContentType())
        {
            kind = "json";
            await ReadJsonAsync(request, parameters, cancellationToken);
        }
        else if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw BotApiException.BadRequest("can't parse the request body: " + e.Message);
            }
            kind = request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true ? "multipart" : "form";
            foreach (var (name, values) in form)
                parameters[name] = values.ToString();
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                parts[file.Name] = new RecordedFile(file.Name, file.Name, file.FileName, file.ContentType, content.ToArray(), null);
            }
        }
        foreach (var (name, values) in request.Query)
            parameters.TryAdd(name, values.ToString());
        if (kind == "none" && parameters.Count > 0)
            kind = "query";
        return new BotApiRequest(method, kind, parameters, parts);
    }

    public string? Optional(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name, string missing) => Optional(name) ?? throw BotApiException.BadRequest(missing);

    public long ChatId()
    {
        string value = Required("chat_id", "chat_id is empty");
        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw BotApiException.BadRequest("chat not found");
    }

    public int MessageId()
    {
        if (Optional("inline_message_id") is not null)
            throw BotApiException.BadRequest("inline_message_id is not supported by the fake Bot API");
        string value = Required("message_id", "message identifier is not specified");
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            ? id
            : throw BotApiException.BadRequest("message identifier is not specified");
    }

    public int Int(string name, int fallback) =>
        int.TryParse(Optional(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : fallback;

    public long Long(string name, long fallback) =>
        long.TryParse(Optional(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : fallback;

    public bool Flag(string name) => string.Equals(Optional(name), "true", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string>? StringList(string name)
    {
        if (Optional(name) is not { } json)
            return null;
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest($"can't parse {name} JSON array");
        }
    }

    private static async Task ReadJsonAsync(HttpRequest request, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length == 0)
            return;
        body.Position = 0;
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw BotApiException.BadRequest("request body must be a JSON object");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest("can't parse JSON object");
        }
    }
}
