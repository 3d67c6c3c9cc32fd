using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Shaping;

/// <summary>Everything the shaping steps read and write for one request.</summary>
internal sealed class ChatPayloadContext
{
    public ChatPayloadContext(OpenRouterChatRequest request, OpenRouterRoute route, OpenRouterModelInfo model)
    {
        Request = request;
        Route = route;
        Model = model;
        ModelId = ModelIds.ModelIdOfRef(request.Model);
        ApiId = ModelIds.ToApiId(ModelId);
        Messages = [.. request.Messages];
    }

    public OpenRouterChatRequest Request { get; }

    /// <summary>Route classification (§4.2).</summary>
    public OpenRouterRoute Route { get; }

    /// <summary>What is known of the model.</summary>
    public OpenRouterModelInfo Model { get; }

    /// <summary>The model id (§2.1), e.g. <c>openrouter/auto</c>, <c>anthropic/claude-sonnet-4.6</c>.</summary>
    public string ModelId { get; }

    /// <summary>The <c>model</c> on the wire (§2.3).</summary>
    public string ApiId { get; set; }

    /// <summary>The thinking level after validation and clamping; <see langword="null"/> when none was requested.</summary>
    public ThinkingLevel? Level { get; set; }

    /// <summary>The level as requested, before the model-level clamp (DeepSeek V4 one-shot mapping reads it).</summary>
    public ThinkingLevel? RequestedLevel { get; set; }

    /// <summary>Merged params (§6.4) without <c>provider</c>.</summary>
    public JsonObject Params { get; set; } = [];

    /// <summary>The merged <c>provider</c> routing object; <see langword="null"/> when every source was empty.</summary>
    public JsonObject? Provider { get; set; }

    /// <summary>Messages before rendering; message-stage steps rewrite this list.</summary>
    public List<OpenRouterMessage> Messages { get; }

    /// <summary>The wire body being built.</summary>
    public JsonObject Payload { get; } = [];

    /// <summary>The request headers being built.</summary>
    public HeaderList Headers { get; } = [];

    /// <summary>
    /// The system prompt's dynamic part while the Anthropic cache step still has to place it after the marked stable block.
    /// </summary>
    public string? PendingSystemSuffix { get; set; }

    /// <summary>
    /// Wire messages rendered from cache-opt-out messages. By reference, because rendering skips empty assistant turns and
    /// adds user messages for tool-result images, so wire positions do not map back to <see cref="Messages"/>.
    /// </summary>
    public HashSet<JsonObject> CacheOptOutMessages { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the answer is streamed (<c>stream:true</c>).</summary>
    public bool Stream { get; init; } = true;

    /// <summary>Warnings for the log.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The API key, when known.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Configured attribution.</summary>
    public OpenRouterAttribution? Attribution { get; init; }

    /// <summary>Configured headers (lowest precedence).</summary>
    public IReadOnlyDictionary<string, string>? ConfiguredHeaders { get; init; }

    /// <summary>Whether <c>x-session-id</c> is sent.</summary>
    public bool SendSessionAffinityHeaders { get; init; }

    /// <summary>The wire messages array (after rendering).</summary>
    public JsonArray WireMessages => Payload["messages"] as JsonArray ?? [];
}
