using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>The documented outcome of one matrix cell at the library level.</summary>
public sealed record LibraryOutcome
{
    /// <summary>Whether the fault changes this operation at all; when not, the call succeeds as normal ("not applicable").</summary>
    public bool Applies { get; init; } = true;

    /// <summary>Requests the emulator sees on the faulted path with the library's default options (no transport retry).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>The exact exception type; <see langword="null"/> for a successful call.</summary>
    public Type? Error { get; init; }

    /// <summary>For <see cref="OpenRouterTimeoutException"/>: which local limit fired.</summary>
    public OpenRouterTimeoutKind? TimeoutKind { get; init; }

    /// <summary>A regular expression the whole error message (or, on success, the result's description) must match.</summary>
    public required string Shape { get; init; }

    /// <summary>The text that reached the caller before the error (streamed updates or the error's partial result); empty for none.</summary>
    public string Partial { get; init; } = "";

    /// <summary>Whether the opt-in retry policy (<c>OpenRouterRetryOptions</c>) would send the call again: the error is
    /// transient and came before any byte of the answer. Media calls are never retried.</summary>
    public bool Retryable { get; init; }

    /// <summary>A few words for the README table (e.g. <c>1×, RateLimit</c>).</summary>
    public string Summary
    {
        get
        {
            if (Error is null)
            {
                return Applies ? $"{Attempts}×, ok" : "n/a (ok)";
            }
            var name = Error.Name.Replace("OpenRouter", "", StringComparison.Ordinal).Replace("Exception", "", StringComparison.Ordinal);
            if (name.Length == 0)
            {
                name = "OpenRouterException";
            }
            return $"{Attempts}×, {name}{(TimeoutKind is { } kind ? $"({kind})" : "")}{(Partial.Length > 0 ? ", partial kept" : "")}";
        }
    }

    /// <summary>The fault does not apply: one request, the normal result.</summary>
    public static LibraryOutcome NotApplicable(string resultShape) => new() { Applies = false, Shape = resultShape };

    /// <summary>The fault applies, yet the call succeeds.</summary>
    public static LibraryOutcome Succeeds(string resultShape) => new() { Shape = resultShape };

    /// <summary>The call fails with <typeparamref name="T"/> and a message matching <paramref name="messageShape"/>.</summary>
    public static LibraryOutcome Fails<T>(string messageShape, bool retryable = false, string partial = "", OpenRouterTimeoutKind? kind = null)
        where T : Exception => new()
        {
            Error = typeof(T),
            Shape = messageShape,
            Retryable = retryable,
            Partial = partial,
            TimeoutKind = kind,
        };
}
