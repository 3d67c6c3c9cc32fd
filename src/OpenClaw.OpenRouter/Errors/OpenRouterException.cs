using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Errors;

/// <summary>
/// An error from OpenRouter or from reaching it. Keeps everything OpenRouter said: the HTTP status, <c>error.code</c>,
/// <c>error.message</c>, <c>error.metadata</c> (provider name, raw upstream error), the generation id and <c>Retry-After</c>.
/// Subclasses name the kind (<see cref="OpenRouterRateLimitException"/>, …); <see cref="Create"/> picks one.
/// </summary>
public class OpenRouterException : Exception
{
    public OpenRouterException()
    {
    }

    public OpenRouterException(string message) : base(message)
    {
    }

    public OpenRouterException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterException(OpenRouterErrorDetails details, Exception? innerException = null)
        : base((details ?? throw new ArgumentNullException(nameof(details))).FormatMessage(), innerException)
    {
        Details = details;
    }

    /// <summary>What OpenRouter reported. Empty for errors raised before any answer.</summary>
    public OpenRouterErrorDetails Details { get; } = OpenRouterErrorDetails.Empty;

    /// <summary>The HTTP status of the response, when there was one (a mid-stream error keeps the stream's 200).</summary>
    public int? StatusCode => Details.StatusCode;

    /// <summary><c>error.code</c>, when OpenRouter gave one (also from a mid-stream error chunk).</summary>
    public int? Code => Details.Code;

    /// <summary><c>error.message</c>, as OpenRouter wrote it.</summary>
    public string? ErrorMessage => Details.ErrorMessage;

    /// <summary><c>error.metadata.provider_name</c>.</summary>
    public string? ProviderName => Details.ProviderName;

    /// <summary><c>error.metadata.raw</c>: the upstream provider's own error, as text.</summary>
    public string? RawError => Details.RawError;

    /// <summary>The whole <c>error.metadata</c> object.</summary>
    public JsonObject? Metadata => Details.Metadata;

    /// <summary>The generation id (<c>X-Generation-Id</c> or the body's <c>id</c>).</summary>
    public string? GenerationId => Details.GenerationId;

    /// <summary>How long OpenRouter asked to wait (<c>Retry-After</c> seconds or date, or <c>metadata.retry_after_seconds</c>).</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;

    /// <summary>Whether sending the same request again may succeed (408, 429, 5xx, 524/529, connection failures).</summary>
    public virtual bool IsTransient => Code is { } code ? IsTransientStatus(code) : StatusCode is { } status && IsTransientStatus(status);

    /// <summary>The output received before the error (a stream cut short); <see langword="null"/> when nothing arrived.</summary>
    public Chat.OpenRouterChatResult? PartialResult { get; internal set; }

    /// <summary>Creates the subclass that fits the code (in-band code first, then HTTP status), keeping any partial output.</summary>
    public static OpenRouterException Create(OpenRouterErrorDetails details, Chat.OpenRouterChatResult? partialResult = null, Exception? innerException = null)
    {
        var exception = CreateKind(details, innerException);
        exception.PartialResult = partialResult;
        return exception;
    }

    private static OpenRouterException CreateKind(OpenRouterErrorDetails details, Exception? innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        return (details.Code ?? details.StatusCode) switch
        {
            400 or 413 or 422 => new OpenRouterBadRequestException(details, innerException),
            401 => new OpenRouterAuthenticationException(details, innerException),
            402 => new OpenRouterPaymentRequiredException(details, innerException),
            403 => new OpenRouterPermissionDeniedException(details, innerException),
            404 => new OpenRouterNotFoundException(details, innerException),
            408 or 524 => new OpenRouterTimeoutException(details, innerException),
            429 => new OpenRouterRateLimitException(details, innerException),
            >= 500 => new OpenRouterServerException(details, innerException),
            _ => new OpenRouterException(details, innerException),
        };
    }

    /// <summary>408, 429, 5xx (500, 502, 503, 504, 524, 529, …).</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 || status >= 500;
}
