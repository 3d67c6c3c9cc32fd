using OpenClaw.Core.Errors;

namespace OpenClaw.Agent.Fallbacks;

/// <summary>
/// Every candidate of a turn failed. With several attempts the message is CLI spec §4's
/// <c>All models failed (N): &lt;ref&gt;: &lt;message&gt; (&lt;reason&gt;) | …</c>; with one, that model's own message.
/// </summary>
public sealed class AllModelsFailedException : OpenClawException
{
    public AllModelsFailedException(IReadOnlyList<ModelAttempt> attempts) : base(FormatMessage(attempts)) => Attempts = attempts;

    public AllModelsFailedException(IReadOnlyList<ModelAttempt> attempts, Exception lastError) : base(FormatMessage(attempts), lastError) =>
        Attempts = attempts;

    /// <summary>Each failed candidate, in order.</summary>
    public IReadOnlyList<ModelAttempt> Attempts { get; }

    /// <summary>The message for these attempts.</summary>
    public static string FormatMessage(IReadOnlyList<ModelAttempt> attempts) => throw new NotImplementedException();
}
