using System.Globalization;
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
    public static string FormatMessage(IReadOnlyList<ModelAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        switch (attempts.Count)
        {
            case 0:
                return "All models failed.";
            case 1:
                // One candidate (a strict --model run, or a chain cut short by a failure that does not advance): its own words.
                return attempts[0].Message;
        }
        var parts = attempts.Select(attempt => attempt.Reason is { } reason
            ? $"{attempt.ModelRef}: {attempt.Message} ({reason})"
            : $"{attempt.ModelRef}: {attempt.Message}");
        return string.Create(CultureInfo.InvariantCulture, $"All models failed ({attempts.Count}): {string.Join(" | ", parts)}");
    }
}
