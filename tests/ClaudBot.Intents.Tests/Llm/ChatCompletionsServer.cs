using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>
/// A small local server speaking the OpenAI chat-completions protocol (<c>POST /v1/chat/completions</c>), so
/// Semantic Kernel's real OpenAI connector runs against it. It checks each request's shape (JSON body with a
/// model, messages, and function tools named exactly after <see cref="ExpectedTools"/>), records every
/// request, and answers with <see cref="Reply"/>. A request of the wrong shape gets a 400 in OpenAI's error format.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _loop;

    public ChatCompletionsServer(IReadOnlySet<string> expectedTools)
    {
        ExpectedTools = expectedTools;
        (_listener, int port) = Listen();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The base address to configure (the connector appends <c>chat/completions</c>).</summary>
    public Uri Endpoint { get; }

    public IReadOnlySet<string> ExpectedTools { get; }

    /// <summary>The answer to the next requests; a text reply until a test sets one.</summary>
    public ScriptedReply Reply { get; set; } = ScriptedReply.Text("Hello.");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Reset()
    {
        _requests.Clear();
        Reply = ScriptedReply.Text("Hello.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static (HttpListener Listener, int Port) Listen()
    {
        for (int attempt = 0; ; attempt++)
        {
            // A free port from the OS, then the listener on it: another process may take it in between, so retry.
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Each request on its own task: a delayed answer must not hold up the next request.
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string text;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        var body = TryParse(text);
        string? problem = Check(request.HttpMethod, request.Url?.AbsolutePath ?? string.Empty, body);
        _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url?.AbsolutePath ?? string.Empty, request.Headers["Authorization"], body, problem));
        var reply = problem is null ? Reply : ScriptedReply.Error(400, problem);
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stopping.Token).ConfigureAwait(false);
            }

            byte[] bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (a timeout test) or the server is stopping.
            context.Response.Abort();
        }
    }

    private string? Check(string method, string path, JsonObject? body)
    {
        if (method != "POST" || path != "/v1/chat/completions")
        {
            return $"expected POST /v1/chat/completions, got {method} {path}";
        }

        if (body is null || body["model"]?.GetValue<string>() is not { Length: > 0 } || body["messages"] is not JsonArray { Count: > 0 })
        {
            return "expected a JSON body with a model and messages";
        }

        if (body["tools"] is not JsonArray tools || tools.Any(t => t?["type"]?.GetValue<string>() != "function"))
        {
            return "expected function tools";
        }

        var names = tools.Select(t => t?["function"]?["name"]?.GetValue<string>()).ToHashSet();
        return names.SetEquals(ExpectedTools) ? null : $"expected the tools {string.Join(",", ExpectedTools.Order())}, got {string.Join(",", names.Order())}";
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>One request as the server saw it; <see cref="Problem"/> says why it was refused, if it was.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, JsonObject? Body, string? Problem)
{
    public JsonArray Tools => (JsonArray)Body!["tools"]!;

    public JsonObject Tool(string name) => (JsonObject)Tools.Single(t => t!["function"]!["name"]!.GetValue<string>() == name)!["function"]!;
}
