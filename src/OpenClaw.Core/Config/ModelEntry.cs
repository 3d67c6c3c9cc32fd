using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>One <c>agents.defaults.models.&lt;ref&gt;</c> entry.</summary>
public sealed record ModelEntry(string? Alias, JsonObject? Params);
