namespace OpenClaw.OpenRouter.Emulator;

/// <summary>What the emulator knows about one API key: what <c>GET /key</c> and <c>GET /credits</c> report
/// and how inference requests made with it are answered.</summary>
public sealed record ApiKeyProfile
{
    /// <summary>The key's label, as <c>GET /key</c> reports it.</summary>
    public string Label { get; init; } = "emulator";

    /// <summary>The spend limit in USD, or <see langword="null"/> for unlimited.</summary>
    public decimal? Limit { get; init; }

    /// <summary>The limit's reset period (<c>daily</c>, <c>weekly</c>, <c>monthly</c>) or <see langword="null"/>.</summary>
    public string? LimitReset { get; init; }

    /// <summary>USD already spent before the emulator started; calls made through the emulator add to it.</summary>
    public decimal InitialUsage { get; init; }

    /// <summary>Credits bought on the account, as <c>GET /credits</c> reports them.</summary>
    public decimal TotalCredits { get; init; } = 100m;

    /// <summary>Whether the account is out of credits: inference answers 402.</summary>
    public bool OutOfCredits { get; init; }

    /// <summary>Whether the key's own spend limit is reached: inference answers 403 <c>Key limit exceeded</c>.</summary>
    public bool KeyLimitReached { get; init; }

    /// <summary>Whether the key is a management key (may read <c>/credits</c> when that is restricted).</summary>
    public bool IsManagementKey { get; init; }

    /// <summary>Whether the account is on the free tier.</summary>
    public bool IsFreeTier { get; init; }

    /// <summary>The OpenRouter user id that error envelopes carry.</summary>
    public string UserId { get; init; } = "user_emulator";
}
