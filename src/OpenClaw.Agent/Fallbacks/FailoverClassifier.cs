using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Agent.Fallbacks;

/// <summary>Classifies a failed model call (provider spec §19).</summary>
public static partial class FailoverClassifier
{
    /// <summary>
    /// The reason for an <see cref="OpenRouterException"/> (by type, status, <c>error.code</c> and message: the
    /// <c>\b(api\s+key\s+budget|key)\s+limit\s*(exceeded|reached|hit)\b</c> and <c>provider returned error</c> rules first),
    /// or <see langword="null"/> for anything else (cancellation, programming errors), which never advances the chain.
    /// </summary>
    public static FailoverReason? Classify(Exception exception)
    {
        if (exception is not OpenRouterException error)
        {
            return null;
        }

        // The OpenRouter-specific message rules come first (§19): a key's spending cap arrives as a 403 that would otherwise
        // read as an auth failure, and an upstream provider's error relayed by OpenRouter says nothing about the request.
        var message = error.Message;
        if (KeyLimitPattern().IsMatch(message))
        {
            return FailoverReason.Billing;
        }
        if (message.Contains("provider returned error", StringComparison.OrdinalIgnoreCase))
        {
            return FailoverReason.Timeout;
        }
        if (message.Contains("insufficient credits", StringComparison.OrdinalIgnoreCase))
        {
            return FailoverReason.Billing;
        }
        if (error is OpenRouterTimeoutException or OpenRouterNetworkException)
        {
            return FailoverReason.Timeout;
        }

        // The in-band code wins over the HTTP status: a mid-stream error keeps the stream's 200.
        var code = error.Code is >= 400 ? error.Code : error.StatusCode;
        switch (code)
        {
            case 429:
                return FailoverReason.RateLimit;
            case 402:
                return FailoverReason.Billing;
            case 408 or 524 or 529 or >= 500:
                return FailoverReason.Timeout;
            case 404:
                return FailoverReason.ModelNotFound;
            case 401 or 403:
                return FailoverReason.Auth;
            case >= 400 and < 500:
                // An error the request caused is refused up front; one that arrives inside an accepted answer is the model's.
                return error.Details.InBand ? FailoverReason.Timeout : FailoverReason.Format;
        }

        // No usable status: an error chunk inside a 200 stream, or a stream cut short (it carries what arrived).
        if (error.Details.InBand || error.PartialResult is not null)
        {
            return FailoverReason.Timeout;
        }
        return null;
    }

    [GeneratedRegex(@"\b(api\s+key\s+budget|key)\s+limit\s*(exceeded|reached|hit)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyLimitPattern();
}
