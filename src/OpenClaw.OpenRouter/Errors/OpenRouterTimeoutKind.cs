namespace OpenClaw.OpenRouter.Errors;

/// <summary>The local time limit that ended a request.</summary>
public enum OpenRouterTimeoutKind
{
    /// <summary>No response headers within the time-to-first-byte limit.</summary>
    ResponseHeaders,

    /// <summary>A started stream delivered no byte (not even a keep-alive comment) within the idle limit.</summary>
    StreamIdle,

    /// <summary>A media request's overall deadline (image generation, a video job with its polls and download) passed.</summary>
    Deadline,
}
