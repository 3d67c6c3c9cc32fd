using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Agent.Turns;

/// <summary>What the config says about an agent's turns, resolved by the caller (the CLI reads <c>openclaw.json</c>).</summary>
public sealed record AgentSettings
{
    /// <summary>The agent id (<c>main</c>).</summary>
    public string AgentId { get; init; } = "main";

    /// <summary>The primary model's canonical ref (<c>agents.defaults.model.primary</c>, default <c>openrouter/auto</c>).</summary>
    public string PrimaryModel { get; init; } = "openrouter/auto";

    /// <summary>Fallback refs, canonical, in order (<c>agents.defaults.model.fallbacks</c>).</summary>
    public IReadOnlyList<string> Fallbacks { get; init; } = [];

    /// <summary>The agent's own <c>thinkingDefault</c> (first in the default chain).</summary>
    public ThinkingLevel? AgentThinkingDefault { get; init; }

    /// <summary><c>agents.defaults.thinkingDefault</c> (after the model's <c>params.thinking</c>).</summary>
    public ThinkingLevel? DefaultsThinkingDefault { get; init; }

    /// <summary>Per-model params keyed by canonical ref (<c>agents.defaults.models.&lt;ref&gt;.params</c>): read for <c>thinking</c>.</summary>
    public IReadOnlyDictionary<string, JsonObject> ModelParams { get; init; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

    /// <summary>The workspace (<c>AGENTS.md</c>, <c>SOUL.md</c>).</summary>
    public required string Workspace { get; init; }

    /// <summary>The whole-turn deadline (<c>agents.defaults.timeoutSeconds</c>, 600 s).</summary>
    public TimeSpan TurnTimeout { get; init; } = TimeSpan.FromSeconds(600);
}
