using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>
/// The HTTP side: /bot{token}/{method}, the token check, injected faults, the reply envelope, and a record of every
/// call (made before the answer is written, so a test that saw the call also sees its effect).
/// </summary>
internal sealed class BotApiEndpoint(string token, BotMethods methods, FaultPlan faults, CallLog calls, TimeProvider time)
{
    private const string NginxBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
        + "<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";

    public async Task HandleAsync(HttpContext context)
    {
        var received = time.GetUtcNow();
        var aborted = context.RequestAborted;
        if (!TrySplitPath(context.Request.Path.Value, out string pathToken, out string method))
        {
            Record("(unknown path)", received, null, 404, "Not Found", null, null, null);
            await WriteAsync(context, 404, Error(404, "Not Found", null));
            return;
        }
        if (!string.Equals(pathToken, token, StringComparison.Ordinal))
        {
            Record(method, received, null, 401, "Unauthorized", null, null, null);
            await WriteAsync(context, 401, Error(401, "Unauthorized", null));
            return;
        }

        BotApiRequest request;
        try
        {
            request = await BotApiRequest.ReadAsync(context.Request, method, aborted);
        }
        catch (BotApiException e)
        {
            Record(method, received, null, e.ErrorCode, e.Message, null, null, null);
            await WriteAsync(context, e.ErrorCode, Error(e.ErrorCode, e.Message, e.RetryAfter));
            return;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return; // The client went away while sending.
        }

        var fault = faults.TakeNext(method);
        switch (fault?.Kind)
        {
            case FaultKind.DropConnection when !fault.AfterProcessing:
                Record(method, received, request, 0, null, fault, null, null);
                context.Abort();
                return;
            case FaultKind.BadGateway:
                Record(method, received, request, 502, "502 Bad Gateway", fault, null, null);
                await WriteAsync(context, 502, NginxBadGateway, "text/html");
                return;
            case FaultKind.ApiError:
                Record(method, received, request, fault.ErrorCode, fault.Description, fault, null, null);
                await WriteAsync(context, fault.ErrorCode, Error(fault.ErrorCode, fault.Description ?? "Error", fault.RetryAfter));
                return;
        }

        int status = 200;
        string? error = null;
        JsonObject reply;
        int? messageId = null;
        try
        {
            var result = await methods.InvokeAsync(request, aborted);
            messageId = result.MessageId;
            reply = new JsonObject { ["ok"] = true, ["result"] = result.Result };
        }
        catch (BotApiException e)
        {
            (status, error) = (e.ErrorCode, e.Message);
            reply = Error(e.ErrorCode, e.Message, e.RetryAfter);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return; // A long poll the client gave up on.
        }

        if (fault is { Kind: FaultKind.DropConnection })
        {
            Record(method, received, request, 0, null, fault, messageId, reply.ToJsonString());
            context.Abort();
            return;
        }
        Record(method, received, request, status, error, null, messageId, reply.ToJsonString());
        await WriteAsync(context, status, reply);
    }

    /// <summary>/bot{token}/{method}: the token is everything between "/bot" and the next slash.</summary>
    private static bool TrySplitPath(string? path, out string pathToken, out string method)
    {
        pathToken = method = string.Empty;
        if (path is null || !path.StartsWith("/bot", StringComparison.Ordinal))
            return false;
        int slash = path.IndexOf('/', 4);
        if (slash < 0 || slash == path.Length - 1)
            return false;
        pathToken = path[4..slash];
        method = path[(slash + 1)..];
        return !method.Contains('/', StringComparison.Ordinal);
    }

    private void Record(string method, DateTimeOffset received, BotApiRequest? request, int status, string? error, FakeFault? fault, int? messageId, string? response) =>
        calls.Add(sequence => new RecordedCall(
            sequence,
            method,
            received,
            request?.ContentKind ?? "none",
            request?.Parameters ?? new Dictionary<string, string>(),
            request is null ? [] : FilesOf(request),
            status,
            error,
            fault,
            messageId,
            response));

    /// <summary>The uploaded parts, each named by the field that pointed at it (photo, document).</summary>
    private static List<RecordedFile> FilesOf(BotApiRequest request) =>
        [.. request.Parts.Values.Select(part => part with
        {
            Field = request.Parameters.FirstOrDefault(p => p.Value == "attach://" + part.PartName).Key ?? part.Field,
        })];

    private static JsonObject Error(int code, string description, int? retryAfter)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return error;
    }

    private static Task WriteAsync(HttpContext context, int status, JsonObject body) =>
        WriteAsync(context, status, body.ToJsonString(), "application/json");

    private static async Task WriteAsync(HttpContext context, int status, string body, string contentType)
    {
        try
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client is gone; nothing to tell it.
        }
    }
}
