using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter;

/// <summary>Settings of an <see cref="OpenRouterClient"/>. Read once when the client is created; later changes have no effect.</summary>
public sealed class OpenRouterClientOptions
{
    /// <summary>OpenRouter's canonical API base URL.</summary>
    public static readonly Uri CanonicalBaseUrl = new(OpenRouterBaseUrl.Canonical);

    /// <summary>The API key sent as <c>Authorization: Bearer</c>. Required for everything but the capability lookup.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API base URL as configured (<c>models.providers.openrouter.baseUrl</c>). <see langword="null"/> or empty means the
    /// canonical base. <c>https://openrouter.ai/v1</c> and trailing slashes are canonicalised; URLs with user info, a query, a
    /// fragment or a scheme other than http(s) are rejected.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>App attribution headers; <see langword="null"/> (the default) sends none.</summary>
    public OpenRouterAttribution? Attribution { get; set; }

    /// <summary>Configured headers (<c>models.providers.openrouter.headers</c>), lowest precedence.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Provider-wide params (<c>models.providers.openrouter.params</c>), lowest precedence.</summary>
    public JsonObject? ProviderParams { get; set; }

    /// <summary>Per-model params (<c>agents.defaults.models[&lt;ref&gt;].params</c>), keyed by canonical ref or API-id-based ref.</summary>
    public IDictionary<string, JsonObject> ModelParams { get; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

    /// <summary>Configured model rows (<c>models.providers.openrouter.models[]</c>); they win over the catalog.</summary>
    public IList<OpenRouterModelInfo> Models { get; } = [];

    /// <summary>
    /// Where the unauthenticated capability lookup reads the public model list. The default value is the canonical
    /// <c>/models</c>, whatever <see cref="BaseUrl"/> is; <see langword="null"/> disables the lookup.
    /// </summary>
    public Uri? CapabilityCatalogUrl { get; set; } = new(OpenRouterBaseUrl.Canonical + "/models");

    /// <summary>Finds model capabilities; <see langword="null"/> (the default) uses configured rows, the bundled catalog and the capability lookup.</summary>
    public IModelCapabilityResolver? CapabilityResolver { get; set; }

    /// <summary>How long to wait for response headers. The default value is 120 seconds.</summary>
    public TimeSpan ResponseHeadersTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long a started stream may go without a byte (keep-alive comments count) before it is abandoned. There is no
    /// wall-clock cap: reasoning streams can run for many minutes. The default value is 120 seconds.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The most bytes one chat, catalog, key or generation answer may have: a whole JSON body, or everything a stream sends
    /// (keep-alive comments included). A larger answer fails with <see cref="Errors.OpenRouterMalformedResponseException"/>
    /// (a stream keeps what arrived in <see cref="Errors.OpenRouterException.PartialResult"/>), so a broken or hostile server
    /// cannot make the client hold an endless body. Media answers have their own cap (<see cref="MediaMaxBytes"/>). The
    /// default value is 32 MiB, far above any real answer (the full model catalog is about 2 MB).
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 32 MiB.</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>Retries. The default value is <see cref="OpenRouterRetryOptions.None"/>: one attempt per call.</summary>
    public OpenRouterRetryOptions Retry { get; set; } = OpenRouterRetryOptions.None;

    /// <summary>Send <c>x-session-id</c> from <see cref="Chat.OpenRouterChatRequest.SessionId"/>. The default value is <see langword="false"/>.</summary>
    public bool SendSessionAffinityHeaders { get; set; }

    /// <summary>The clock for timeouts, backoff and caches. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>An optional handler, for tests and for hosts that manage their own HTTP stack. Not disposed by the client.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>
    /// Lets image, video and speech requests reach loopback, private and other special-use addresses
    /// (<c>models.providers.openrouter.request.allowPrivateNetwork</c>). The default value is <see langword="false"/>: such hosts
    /// are refused with <see cref="Errors.OpenRouterBlockedNetworkException"/>. Not applied when <see cref="Handler"/> is set.
    /// </summary>
    public bool AllowPrivateNetwork { get; set; }

    /// <summary>
    /// The size cap of one generated image or video (<c>agents.defaults.mediaMaxMb</c> × 1 MiB). The default value is 16 MiB.
    /// An image answer may be this many bytes per requested image; a larger video is returned as its URL instead of bytes.
    /// </summary>
    public long MediaMaxBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Receives warnings the spec asks to log (e.g. dropped prefill messages).</summary>
    public Action<string>? Warning { get; set; }
}
