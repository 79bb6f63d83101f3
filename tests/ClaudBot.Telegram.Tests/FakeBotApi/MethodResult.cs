using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>A method's result object, and the message it created or edited, if any.</summary>
internal sealed record MethodResult(JsonNode? Result, int? MessageId = null);
