using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Intents.Llm;

/// <summary>
/// The optional LLM fallback (section <c>Intents:Llm</c>): an OpenAI-compatible chat-completions endpoint, e.g.
/// a local Ollama at <c>http://127.0.0.1:11434/v1</c>. No <see cref="Endpoint"/>, no fallback.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string Section = "Intents:Llm";

    /// <summary>
    /// The API's base address, ending at the version (<c>…/v1</c>): the client appends <c>chat/completions</c>.
    /// Null or empty (the default) turns the fallback off.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The model id sent with each request. Default <c>llama3.1</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Model { get; set; } = "llama3.1";

    /// <summary>
    /// Sent as a bearer token; from configuration or <c>CLAUDBOT_Intents__Llm__ApiKey</c>. Local servers need none.
    /// Never logged, never in an exception message.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request may take before the bot gives up and shows the help hint. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"The LLM endpoint '{Endpoint}' is not an absolute http(s) address (e.g. http://127.0.0.1:11434/v1).", [nameof(Endpoint)]);
        }
        else if (uri.AbsolutePath.TrimEnd('/').EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase))
        {
            // A common mistake: the client appends the path itself, so the request would go to …/chat/completions/chat/completions.
            yield return new ValidationResult($"The LLM endpoint '{Endpoint}' should stop at the API version (…/v1), without /chat/completions.", [nameof(Endpoint)]);
        }
    }

    /// <summary>The settings without the key (only whether one is set).</summary>
    public override string ToString() =>
        $"Endpoint={Endpoint ?? "(none)"}, Model={Model}, Timeout={Timeout}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "none" : "set")}";
}
