using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>
/// Shared pieces of the model-family wire tests: the tools, driving a streamed call to its end, and the assertions on what
/// the emulator received (headers per route, JSON in the exact form the spec's observed lines show).
/// </summary>
internal static class FamilyWire
{
    public const string Categories = "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent";

    /// <summary>A legacy canonical base with a trailing slash: still the verified route (§4.3, first column).</summary>
    public const string LegacyCanonical = "https://openrouter.ai/v1/";

    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string ReadSchema = """{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}""";

    public const string WriteSchema = """{"type":"object","properties":{"path":{"type":"string"},"text":{"type":"string"}},"required":["path","text"]}""";

    /// <summary><c>write</c> first, so the wire order (sorted by name) differs from the caller's.</summary>
    public static IReadOnlyList<OpenRouterTool> Tools() =>
    [
        new("write", "Write a file", JsonNode.Parse(WriteSchema)!.AsObject()),
        new("read", "Read a file", JsonNode.Parse(ReadSchema)!.AsObject()),
    ];

    /// <summary>The tools as they go on the wire when no family rewrites them: sorted, no <c>strict</c>, no marker.</summary>
    public const string WireTools =
        """[{"type":"function","function":{"name":"read","description":"Read a file","parameters":""" + ReadSchema + """}},"""
        + """{"type":"function","function":{"name":"write","description":"Write a file","parameters":""" + WriteSchema + """}}]""";

    /// <summary><c>"stream":true</c>, plus <c>stream_options</c> on a local proxy (§7.1), each with its trailing comma.</summary>
    public static string Stream(TestRoute route) =>
        route == TestRoute.Local ? "\"stream\":true,\"stream_options\":{\"include_usage\":true}," : "\"stream\":true,";

    public static bool IsOpenRouterEndpoint(TestRoute route) => route is TestRoute.Canonical or TestRoute.OtherOpenRouterHost;

    /// <summary>A JSON string literal as the client writes it (only the escapes JSON requires).</summary>
    public static string Str(string text) => JsonSerializer.Serialize(text, Relaxed);

    /// <summary>The wire form of replayed tool calls.</summary>
    public static string WireCalls(IEnumerable<OpenRouterToolCall> calls) =>
        "[" + string.Join(',', calls.Select(call =>
            "{\"id\":" + Str(call.Id) + ",\"type\":\"function\",\"function\":{\"name\":" + Str(call.Name) + ",\"arguments\":" + Str(call.Arguments) + "}}")) + "]";

    /// <summary>All thinking of a result, joined as the replay joins it (§12.2).</summary>
    public static string ThinkingText(OpenRouterChatResult result) => string.Join('\n', result.Thinking.Where(block => block.Text.Length > 0).Select(block => block.Text));

    /// <summary>Streams a request to its end and returns the completed result.</summary>
    public static async Task<OpenRouterChatResult> StreamAsync(ClientHarness harness, OpenRouterChatRequest request)
    {
        OpenRouterChatResult? completed = null;
        await foreach (var update in harness.Client.StreamChatAsync(request, TestContext.Current.CancellationToken))
        {
            completed = update.Completed ?? completed;
        }
        Assert.NotNull(completed);
        Assert.Null(completed.ErrorMessage);
        return completed;
    }

    /// <summary>Streams a request that the emulator must reject; returns the typed error.</summary>
    public static async Task<TException> StreamFailsAsync<TException>(ClientHarness harness, OpenRouterChatRequest request) where TException : Exception =>
        await Assert.ThrowsAsync<TException>(async () =>
        {
            await foreach (var _ in harness.Client.StreamChatAsync(request, TestContext.Current.CancellationToken))
            {
            }
        });

    /// <summary>The headers every chat request carries on <paramref name="route"/> (§5.2): attribution only on OpenRouter endpoints.</summary>
    public static void AssertHeaders(JournalEntry sent, TestRoute route)
    {
        var openRouter = IsOpenRouterEndpoint(route);
        Assert.Equal("Bearer sk-or-v1-emulator", sent.Header("Authorization"));
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Equal(openRouter ? "https://openclaw.ai" : null, sent.Header("HTTP-Referer"));
        Assert.Equal(openRouter ? "OpenClaw" : null, sent.Header("X-OpenRouter-Title"));
        Assert.Equal(openRouter ? Categories : null, sent.Header("X-OpenRouter-Categories"));
        Assert.Null(sent.Header("X-OpenRouter-Cache"));
        Assert.Null(sent.Header("X-Title"));
        Assert.Null(sent.Header("x-session-id"));
    }

    /// <summary>Wire message <paramref name="index"/> of a journal entry, serialized as sent (key order kept).</summary>
    public static string Message(JournalEntry sent, int index) =>
        sent.BodyJson!["messages"]![index]!.ToJsonString(Relaxed);

    /// <summary>A member of the body, serialized as sent.</summary>
    public static string? Member(JournalEntry sent, string name) => sent.BodyJson![name]?.ToJsonString(Relaxed);

    /// <summary>The body's keys in order.</summary>
    public static string[] Keys(JournalEntry sent) => [.. sent.BodyJson!.AsObject().Select(property => property.Key)];
}
