using System.Text.Json.Nodes;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>
/// An answer of the fake server in the OpenAI chat-completions wire format: <c>id</c>, <c>object</c>,
/// <c>created</c>, <c>model</c>, <c>choices[0].message</c> (with <c>tool_calls[{id, type: "function",
/// function: {name, arguments: a JSON string}}]</c>), <c>finish_reason</c> and <c>usage</c>.
/// </summary>
public sealed record ScriptedReply(int Status, string Body, TimeSpan Delay = default)
{
    public static ScriptedReply ToolCall(string function, JsonObject arguments) => Completion(
        new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = "call_0001",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = function, ["arguments"] = arguments.ToJsonString() },
            }),
        },
        "tool_calls");

    public static ScriptedReply Text(string content) =>
        Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop");

    public static ScriptedReply Error(int status, string message) => new(
        status,
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error", ["param"] = null, ["code"] = null } }.ToJsonString());

    private static ScriptedReply Completion(JsonObject message, string finishReason) => new(
        200,
        new JsonObject
        {
            ["id"] = "chatcmpl-0001",
            ["object"] = "chat.completion",
            ["created"] = 1_767_225_600,
            ["model"] = "llama3.1",
            ["system_fingerprint"] = "fp_test",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 20, ["total_tokens"] = 140 },
        }.ToJsonString());
}
