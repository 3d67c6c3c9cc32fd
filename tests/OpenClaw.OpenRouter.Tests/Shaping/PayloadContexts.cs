using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;

namespace OpenClaw.OpenRouter.Tests.Shaping;

/// <summary>Builds shaping contexts for step tests: a model, a route (canonical unless given) and either typed messages or a wire payload.</summary>
internal static class PayloadContexts
{
    public const string LocalProxy = "http://127.0.0.1:8089/v1";
    public const string CustomProxy = "https://proxy.example.com/v1";
    public const string OtherOpenRouterUrl = "https://eu.openrouter.ai/api/v1";

    public static ChatPayloadContext For(
        string model,
        IReadOnlyList<OpenRouterMessage>? messages = null,
        string? baseUrl = OpenRouterBaseUrl.Canonical,
        OpenRouterModelInfo? info = null,
        JsonObject? parameters = null,
        ThinkingLevel? level = null,
        IReadOnlyList<OpenRouterTool>? tools = null,
        bool oneShot = false)
    {
        var request = new OpenRouterChatRequest { Model = model, Messages = messages ?? [OpenRouterMessage.User("hi")], Tools = tools, OneShot = oneShot };
        var context = new ChatPayloadContext(request, OpenRouterRoute.Classify(baseUrl), info ?? new OpenRouterModelInfo { Id = ModelIds.ModelIdOfRef(model), Reasoning = true })
        {
            ApiKey = "sk-or-v1-test",
        };
        context.Params = parameters ?? [];
        context.Level = level;
        context.RequestedLevel = level;
        return context;
    }

    /// <summary>A context whose payload already holds <paramref name="payloadJson"/> (for patch steps).</summary>
    public static ChatPayloadContext WithPayload(string model, string payloadJson, string? baseUrl = OpenRouterBaseUrl.Canonical,
        OpenRouterModelInfo? info = null, JsonObject? parameters = null, ThinkingLevel? level = null, bool oneShot = false)
    {
        var context = For(model, baseUrl: baseUrl, info: info, parameters: parameters, level: level, oneShot: oneShot);
        foreach (var (key, value) in JsonNode.Parse(payloadJson)!.AsObject())
        {
            context.Payload[key] = value?.DeepClone();
        }
        return context;
    }

    /// <summary>The wire message at <paramref name="index"/> as an object.</summary>
    public static JsonObject Wire(ChatPayloadContext context, int index) => context.WireMessages[index]!.AsObject();

    /// <summary>Asserts an object's keys in order (structural equality ignores order; the spec's observed lines do not).</summary>
    public static void AssertKeys(JsonObject actual, params string[] keys) =>
        Assert.Equal(keys, actual.Select(property => property.Key).ToArray());

    /// <summary>Asserts JSON equality including key order, as in the spec's observed wire lines.</summary>
    public static void AssertJsonOrdered(string expected, JsonNode? actual) =>
        Assert.Equal(JsonNode.Parse(expected)?.ToJsonString(), actual?.ToJsonString());

    /// <summary>Asserts structural JSON equality and shows both sides when they differ.</summary>
    public static void AssertJson(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"expected {expectedNode?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }
}
