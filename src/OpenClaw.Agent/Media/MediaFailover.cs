using System.Runtime.ExceptionServices;
using OpenClaw.Agent.Fallbacks;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Agent.Media;

/// <summary>Runs a media call over its candidate models, moving on only when another model could do better.</summary>
internal static class MediaFailover
{
    /// <summary>
    /// Tries each candidate in turn. A failure moves to the next candidate when another model may succeed (rate limits,
    /// billing, timeouts and 5xx, an unknown model, an answer without media, a failed video job); a request the provider
    /// refused as invalid, a refused host, an auth failure or another 400 ends the chain, as does cancellation and anything
    /// that is not an OpenRouter error (no key). One failed attempt rethrows its own error; several throw
    /// <see cref="MediaGenerationFailedException"/>.
    /// </summary>
    public static async Task<(T Result, ResolvedModelRef Model, IReadOnlyList<ModelAttempt> Failed)> RunAsync<T>(
        string capability, IReadOnlyList<ResolvedModelRef> candidates, Func<ResolvedModelRef, Task<T>> call,
        Action<ModelAttempt, ResolvedModelRef>? onFallback)
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException("A media call needs at least one candidate model.", nameof(candidates));
        }
        var attempts = new List<ModelAttempt>();
        ExceptionDispatchInfo? last = null;
        for (var index = 0; index < candidates.Count; index++)
        {
            var candidate = candidates[index];
            try
            {
                return (await call(candidate).ConfigureAwait(false), candidate, attempts);
            }
            catch (OpenRouterException exception)
            {
                var reason = Reason(exception);
                var attempt = new ModelAttempt(candidate.DisplayRef, exception.Message, reason);
                attempts.Add(attempt);
                last = ExceptionDispatchInfo.Capture(exception);
                if (!Advances(exception, reason))
                {
                    break;
                }
                if (index + 1 < candidates.Count)
                {
                    onFallback?.Invoke(attempt, candidates[index + 1]);
                }
            }
        }
        if (attempts.Count == 1)
        {
            last!.Throw();
        }
        throw new MediaGenerationFailedException(capability, attempts, last?.SourceException);
    }

    private static FailoverReason? Reason(OpenRouterException exception) => exception switch
    {
        OpenRouterInvalidRequestException or OpenRouterMalformedResponseException => FailoverReason.Format,
        OpenRouterVideoJobException => FailoverReason.Timeout,
        _ => FailoverClassifier.Classify(exception),
    };

    private static bool Advances(OpenRouterException exception, FailoverReason? reason) => exception switch
    {
        OpenRouterInvalidRequestException or OpenRouterBlockedNetworkException => false,
        // Another model may well draw what this one did not, or film what its job refused.
        OpenRouterMalformedResponseException or OpenRouterVideoJobException => true,
        _ => reason is { AdvancesChain: true },
    };
}
