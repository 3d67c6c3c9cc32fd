namespace OpenClaw.Agent.Fallbacks;

/// <summary>
/// Why a model call failed, as the fallback chain sees it (provider spec §19). String-backed: the set is open.
/// </summary>
public readonly record struct FailoverReason(string Value)
{
    /// <summary>429.</summary>
    public static FailoverReason RateLimit { get; } = new("rate_limit");

    /// <summary>402, "insufficient credits", "key limit exceeded".</summary>
    public static FailoverReason Billing { get; } = new("billing");

    /// <summary>Time-to-headers or idle timeouts, 408, 5xx, 524, 529, "provider returned error", a mid-stream error, a dropped connection.</summary>
    public static FailoverReason Timeout { get; } = new("timeout");

    /// <summary>404: no such model, or no endpoint of it supports what the request needs (tool use).</summary>
    public static FailoverReason ModelNotFound { get; } = new("model_not_found");

    /// <summary>401/403 (not a key limit): the same key fails on every model.</summary>
    public static FailoverReason Auth { get; } = new("auth");

    /// <summary>Other 400s: the request itself is wrong.</summary>
    public static FailoverReason Format { get; } = new("format");

    /// <summary>Whether another model can fix it: rate limit, billing, timeout and model-not-found advance the chain; auth and format do not.</summary>
    public bool AdvancesChain => this == RateLimit || this == Billing || this == Timeout || this == ModelNotFound;

    public override string ToString() => Value ?? "";
}
