using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>An update waiting in the queue; its type is its one field besides update_id (message, callback_query...).</summary>
internal sealed record PendingUpdate(long Id, string Type, JsonObject Json);
