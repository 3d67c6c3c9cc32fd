using System.Globalization;
using OpenClaw.Agent.Fallbacks;
using OpenClaw.Core.Errors;

namespace OpenClaw.Agent.Media;

/// <summary>
/// Several candidate models of a media call failed: <c>All image models failed (N): &lt;ref&gt;: &lt;message&gt; | …</c>
/// (CLI spec §4). A call with one candidate fails with that model's own error instead.
/// </summary>
public sealed class MediaGenerationFailedException : OpenClawException
{
    public MediaGenerationFailedException(string capability, IReadOnlyList<ModelAttempt> attempts, Exception? lastError = null)
        : base(FormatMessage(capability, attempts), lastError!)
    {
        Capability = capability;
        Attempts = attempts;
    }

    /// <summary><c>image</c> or <c>video</c>.</summary>
    public string Capability { get; }

    /// <summary>Each failed candidate, in order.</summary>
    public IReadOnlyList<ModelAttempt> Attempts { get; }

    /// <summary>The message for these attempts.</summary>
    public static string FormatMessage(string capability, IReadOnlyList<ModelAttempt> attempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capability);
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts.Count == 1
            ? attempts[0].Message
            : string.Create(CultureInfo.InvariantCulture,
                $"All {capability} models failed ({attempts.Count}): {string.Join(" | ", attempts.Select(attempt => $"{attempt.ModelRef}: {attempt.Message}"))}");
    }
}
