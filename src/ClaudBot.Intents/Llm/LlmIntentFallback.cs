using ClaudBot.Intents.Matching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace ClaudBot.Intents.Llm;

/// <summary>
/// When no pattern fits, asks an OpenAI-compatible model (Semantic Kernel's OpenAI connector) to pick one of
/// the catalogue's intents as a function call, and reads its arguments with the same slot parsers and checks
/// as a pattern match. The call is never run: the result is a match with <see cref="Source"/> <c>llm</c> and
/// the fixed <see cref="Confidence"/>, which the bot must show and have confirmed before acting
/// (<see cref="IntentResolver.RequiresConfirmation"/>). A timeout, an endpoint error, a malformed reply, a reply
/// without a function call or a call to anything but an intent gives null: the caller shows the help hint.
/// </summary>
public sealed class LlmIntentFallback : IDisposable
{
    /// <summary>The <see cref="IntentMatch.Source"/> of the matches made here.</summary>
    public const string Source = "llm";

    /// <summary>
    /// The confidence of every LLM match: a model gives no calibrated score, and this sits below
    /// <see cref="IntentMatcher.Threshold"/> so no LLM match can pass for a sure pattern match.
    /// </summary>
    public const double Confidence = 0.5;

    // Like the pattern matcher's limit: longer requests, and longer argument texts, are not read.
    private const int MaxLength = 500;

    private const string Instructions =
        "You turn one message sent to the chat bot of a backtesting cluster into exactly one function call. "
        + "Choose the function whose description fits the request. Fill an argument only with words the user wrote "
        + "(strategy names, symbols or company names, periods, job ids, numbers), copied as written; do not invent, "
        + "complete or translate values, and leave out arguments the user did not give.";

    private readonly IntentMatcher _matcher;
    private readonly LlmOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Connection? _connection;

    public LlmIntentFallback(IntentMatcher matcher, IOptions<LlmOptions> options, TimeProvider time, ILogger<LlmIntentFallback> logger)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(options);
        _matcher = matcher;
        _options = options.Value;
        _time = time;
        _logger = logger;
        if (_options.IsEnabled)
        {
            _connection = Connection.Create(_options, matcher);
        }
    }

    /// <summary>True when an endpoint is configured.</summary>
    public bool IsEnabled => _connection is not null;

    private string EndpointForLogs => _connection?.EndpointForLogs ?? "(none)";

    // The model's client, in a type of its own so that with no endpoint set Semantic Kernel's assemblies are never
    // loaded: the JIT loads what a method names when it compiles it, and every command of the CLI builds this class.
    private sealed record Connection(HttpClient Http, Kernel Kernel, IChatCompletionService Chat, PromptExecutionSettings Settings, string EndpointForLogs)
    {
        public static Connection Create(LlmOptions options, IntentMatcher matcher)
        {
            var endpoint = new Uri(options.Endpoint!, UriKind.Absolute);
            // Scheme, host, port and path only: user info or a query could hold a secret.
            string endpointForLogs = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            // SK gives the OpenAI client this HttpClient, which turns off the client's own retries and network timeout:
            // its Timeout backs up the per-request one (on the TimeProvider) in TryMatchAsync.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = options.Timeout };
            var kernel = Kernel.CreateBuilder()
                .AddOpenAIChatCompletion(options.Model, endpoint, options.ApiKey, httpClient: http)
                .Build();
            var settings = new OpenAIPromptExecutionSettings
            {
                Temperature = 0,
                // Required: the model must answer with a call (a local model may still answer in prose: "not understood").
                // autoInvoke false: the call is only read, never run. The functions are not in the kernel, so the tool
                // names on the wire are the bare intent names, without a plugin prefix.
                FunctionChoiceBehavior = FunctionChoiceBehavior.Required(
                    IntentFunctions.Create(matcher.Catalog), autoInvoke: false, options: new FunctionChoiceBehaviorOptions { AllowParallelCalls = false }),
            };
            // Shared by concurrent requests: frozen, so nothing can change it under them.
            settings.Freeze();
            return new Connection(http, kernel, kernel.GetRequiredService<IChatCompletionService>(), settings, endpointForLogs);
        }
    }

    /// <summary>
    /// The intent the model picks for <paramref name="text"/>, its slots parsed and checked as for a pattern match
    /// (an unusable argument sets <see cref="IntentMatch.Error"/>); null when off or not understood.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (a timeout is not).</exception>
    public async Task<IntentMatch?> TryMatchAsync(string text, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_connection is null || string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }

        var reply = await AskAsync(text, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return null;
        }

        var call = FunctionCallContent.GetFunctionCalls(reply).FirstOrDefault();
        if (call is null)
        {
            LlmLog.NoFunctionCall(_logger);
            return null;
        }

        // SK splits a wire name at '-' into plugin and function; the catalogue's names are the whole wire name.
        string name = call.PluginName is null ? call.FunctionName : $"{call.PluginName}-{call.FunctionName}";
        if (_matcher.Catalog.Find(name) is not { } intent)
        {
            LlmLog.UnknownFunction(_logger, Printable(name, 80));
            return null;
        }

        if (call.Exception is not null)
        {
            LlmLog.BadArguments(_logger, intent.Name);
            return null;
        }

        var texts = FunctionArguments.ToTexts(call.Arguments);
        var tooLong = texts.Where(t => t.Value.Length > MaxLength).Select(t => t.Key).ToList();
        tooLong.ForEach(name => texts.Remove(name));
        var match = _matcher.FromSlotTexts(intent, texts, today, Source, Confidence);
        return tooLong.Count == 0 ? match : match with { Error = $"The {tooLong[0]} given is too long (over {MaxLength} characters)." };
    }

    public void Dispose() => _connection?.Http.Dispose();

    private async Task<ChatMessageContent?> AskAsync(string text, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(Instructions);
        history.AddUserMessage(text);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _connection!.Chat.GetChatMessageContentAsync(history, _connection.Settings, _connection.Kernel, linked.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything the endpoint or the connector can throw (HTTP errors, refused connections, replies the
            // OpenAI client cannot read) means the same to the user: not understood, here is the help.
            if (timeout.IsCancellationRequested || error is OperationCanceledException)
            {
                LlmLog.TimedOut(_logger, EndpointForLogs, _options.Timeout);
            }
            else
            {
                LlmLog.RequestFailed(_logger, EndpointForLogs, error.GetType().Name, (int?)(error as HttpOperationException)?.StatusCode, Redact(error.Message));
            }

            return null;
        }
    }

    // The message may quote the server's answer; a server that echoes the key must not put it in the log.
    private string Redact(string message) =>
        Printable(string.IsNullOrEmpty(_options.ApiKey) ? message : message.Replace(_options.ApiKey, "***", StringComparison.Ordinal), 300);

    // Text from the server or the model goes into a one-line log entry: no line breaks or control characters, bounded.
    private static string Printable(string text, int length)
    {
        var line = string.Create(Math.Min(text.Length, length), text, static (span, source) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        return text.Length <= length ? line : line + "…";
    }
}
