using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Agent.Fallbacks;

/// <summary>Classifies a failed model call (provider spec §19).</summary>
public static class FailoverClassifier
{
    /// <summary>
    /// The reason for an <see cref="OpenRouterException"/> (by type, status, <c>error.code</c> and message: the
    /// <c>\b(api\s+key\s+budget|key)\s+limit\s*(exceeded|reached|hit)\b</c> and <c>provider returned error</c> rules first),
    /// or <see langword="null"/> for anything else (cancellation, programming errors), which never advances the chain.
    /// </summary>
    public static FailoverReason? Classify(Exception exception) => throw new NotImplementedException();
}
