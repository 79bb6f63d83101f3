using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaudBot.Ssh.Setup;

/// <summary>Reads, merges and writes appsettings.json files, keeping every key setup does not own.</summary>
internal static class JsonSettings
{
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = true };

    /// <summary>The object in <paramref name="text"/>; <paramref name="what"/> names the file in the error.</summary>
    public static JsonObject Parse(string text, string what)
    {
        try
        {
            var root = JsonNode.Parse(text, documentOptions: Reading) as JsonObject
                ?? throw new SetupException($"{what} does not hold a JSON object: fix or remove it and run setup again.");
            Visit(root);
            return root;
        }
        catch (JsonException bad)
        {
            throw new SetupException($"{what} is not valid JSON ({bad.Message}): fix or remove it and run setup again.", bad);
        }
        catch (ArgumentException twice)
        {
            throw new SetupException($"{what} has a key twice ({twice.Message}): fix it and run setup again.", twice);
        }
    }

    public static string Write(JsonNode node) => node.ToJsonString(Writing) + "\n";

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(Write(node));

    /// <summary>A copy of <paramref name="baseline"/> with every value of <paramref name="overlay"/> put over it (objects merged key by key).</summary>
    public static JsonObject Overlay(JsonObject baseline, JsonObject overlay)
    {
        var merged = baseline.DeepClone().AsObject();
        foreach (var (key, value) in overlay)
        {
            merged[key] = merged[key] is JsonObject inner && value is JsonObject over ? Overlay(inner, over) : value?.DeepClone();
        }

        return merged;
    }

    /// <summary>The object at <paramref name="path"/> under <paramref name="root"/>, created (or replacing a non-object) when missing.</summary>
    public static JsonObject Section(JsonObject root, params string[] path)
    {
        var current = root;
        foreach (string key in path)
        {
            if (current[key] is not JsonObject next)
            {
                next = [];
                current[key] = next;
            }

            current = next;
        }

        return current;
    }

    // Objects are read lazily; reading every one now makes a duplicate key fail here, with the file's name.
    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Visit(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(item);
                }

                break;
        }
    }
}
