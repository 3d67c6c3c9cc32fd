using System.Text.Json.Nodes;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>Reads the conversation out of a chat request body as the emulator journal recorded it.</summary>
public static class ChatBodies
{
    /// <summary>The messages after the system prompt, as (role, text).</summary>
    public static IReadOnlyList<(string Role, string Text)> Conversation(JsonObject body) =>
        [.. body["messages"]!.AsArray()
            .Select(message => (Role: message!["role"]!.GetValue<string>(), Text: TextOf(message["content"])))
            .Where(message => message.Role != "system" && message.Role != "developer")];

    /// <summary>The text of the last user message.</summary>
    public static string LastUserText(JsonObject body) => Conversation(body).Last(message => message.Role == "user").Text;

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}
