namespace OpenClaw.OpenRouter.Media;

/// <summary>One media HTTP call: where, what, with which headers, how long it may take and how large its answer may be.</summary>
internal sealed record MediaRequest
{
    public required HttpMethod Method { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The request's headers; dropped entirely when a redirect leaves the URL's origin.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>A JSON body (sent as <c>application/json</c>), or <see langword="null"/>.</summary>
    public ReadOnlyMemory<byte>? JsonBody { get; init; }

    /// <summary>The label of errors: <c>OpenRouter image generation failed</c>, …</summary>
    public required string Operation { get; init; }

    /// <summary>The largest answer body accepted, in bytes.</summary>
    public required long MaxBytes { get; init; }

    /// <summary>When true, a body over <see cref="MaxBytes"/> is reported as <see cref="MediaResponse.Overflowed"/> instead of an error.</summary>
    public bool OverflowAllowed { get; init; }

    /// <summary>How long this call may take, headers and body together; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public required TimeSpan Timeout { get; init; }
}
