namespace OpenClaw.OpenRouter.Transport;

/// <summary>
/// When a call is sent again: 408, 429, 5xx and connection failures before any response byte, with exponential backoff and
/// jitter, honouring <c>Retry-After</c>. Never after the first byte of a stream; never on 400, 401, 402, 403.
/// </summary>
/// <remarks>
/// Chat makes one attempt by default (<see cref="None"/>), as OpenClaw does: its agent fails over to the next model instead,
/// and request counts are part of conformance. Embedding applications opt in with <see cref="Default"/> or their own values.
/// </remarks>
public sealed record OpenRouterRetryOptions
{
    /// <summary>No retries.</summary>
    public static OpenRouterRetryOptions None { get; } = new() { MaxRetries = 0 };

    /// <summary>Three retries starting at one second.</summary>
    public static OpenRouterRetryOptions Default { get; } = new();

    /// <summary>Retries after the first attempt. The default value is 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay, doubled each attempt (with jitter). The default value is 1 second.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay, also the cap on <c>Retry-After</c> (a longer wait gives up instead). The default value is 60 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Randomise delays so that many clients do not retry in step. The default value is <see langword="true"/>.</summary>
    public bool UseJitter { get; init; } = true;
}
