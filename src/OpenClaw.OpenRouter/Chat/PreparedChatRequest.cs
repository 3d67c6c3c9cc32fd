using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>
/// A chat request exactly as it goes on the wire: URL, headers and body after every shaping rule. Useful for logging, for
/// cache keys (it is the whole wire request) and for tests.
/// </summary>
public sealed class PreparedChatRequest
{
    internal PreparedChatRequest(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> headers, JsonObject body, OpenRouterRoute route,
        OpenRouterModelInfo model, IReadOnlyList<string> warnings)
    {
        Endpoint = endpoint;
        Headers = headers;
        Body = body;
        Route = route;
        Model = model;
        Warnings = warnings;
        BodyUtf8 = Shaping.WireJson.SerializeToUtf8(body);
    }

    /// <summary><c>{base}/chat/completions</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Request headers in the order they are set (Authorization included: never log these values).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The JSON body. Treat as read-only: <see cref="BodyUtf8"/> is what is sent.</summary>
    public JsonObject Body { get; }

    /// <summary>The exact body bytes sent.</summary>
    public ReadOnlyMemory<byte> BodyUtf8 { get; }

    /// <summary>How the base URL was classified.</summary>
    public OpenRouterRoute Route { get; }

    /// <summary>What was known of the model when shaping.</summary>
    public OpenRouterModelInfo Model { get; }

    /// <summary>The API id sent as <c>model</c>.</summary>
    public string ApiModelId => Body["model"]?.GetValue<string>() ?? "";

    /// <summary>Warnings the shaping produced (e.g. dropped prefill messages).</summary>
    public IReadOnlyList<string> Warnings { get; }
}
