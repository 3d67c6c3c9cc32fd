namespace OpenClaw.OpenRouter.Emulator;

/// <summary>Settings for one <see cref="OpenRouterEmulator"/> instance.</summary>
/// <remarks>Options are read once at start; later changes have no effect. The catalog and the keys
/// stay mutable through the running emulator's <see cref="OpenRouterEmulator.Catalog"/> and
/// <see cref="OpenRouterEmulator.Keys"/>.</remarks>
public sealed class EmulatorOptions
{
    /// <summary>The loopback port to listen on. The default value is 0 (any free port).</summary>
    public int Port { get; set; }

    /// <summary>
    /// When set, a second listener on another port serves "foreign" download URLs, so clients can be
    /// tested for what they send to an origin other than the API base. Use 0 for any free port.
    /// The default value is <see langword="null"/> (no second origin).
    /// </summary>
    public int? ForeignPort { get; set; }

    /// <summary>How many status polls a video job answers before it completes. The default value is 2.</summary>
    public int VideoPollsToComplete { get; set; } = 2;

    /// <summary>
    /// Whether upstream rules that real providers enforce are applied (Anthropic reasoning conversations
    /// must end with a user turn, Gemini tool calls need their thought signature back, DeepSeek V4
    /// thinking turns need <c>reasoning_content</c>, at most four Anthropic cache breakpoints).
    /// The default value is <see langword="true"/>.
    /// </summary>
    public bool StrictUpstreamRules { get; set; } = true;

    /// <summary>Whether the first <c>GET /generation</c> lookup of each id answers 404, as OpenRouter often
    /// does right after a completion. The default value is <see langword="false"/>.</summary>
    public bool GenerationNotFoundOnFirstLookup { get; set; }

    /// <summary>Whether <c>GET /credits</c> answers 403 for keys that are not management keys, as current
    /// OpenRouter does. The default value is <see langword="false"/>.</summary>
    public bool CreditsRequireManagementKey { get; set; }

    /// <summary>Whether any key shaped like a real one (<c>sk-or-v1-</c> + 64 hex digits) is accepted.
    /// The default value is <see langword="true"/>.</summary>
    public bool AcceptWellFormedKeys { get; set; } = true;

    /// <summary>The model catalog served by <c>GET /models</c>. The default value is the bundled catalog.</summary>
    public ModelCatalog? Catalog { get; set; }

    /// <summary>The clock used for <c>created</c> stamps and response-cache TTLs. The default value is
    /// <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether each request is logged to standard error. The default value is <see langword="false"/>.</summary>
    public bool LogRequests { get; set; }
}
