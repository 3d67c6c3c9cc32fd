using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §12.4: for ids containing <c>gemini</c>, a tool call from an earlier turn keeps its thought signature only
/// when it is a plain base64 string. OpenRouter's signatures are serialized <c>reasoning.encrypted</c> items (JSON), which
/// Gemini accepts only within the turn that produced them, so in practice they survive only in the current tool loop.
/// </summary>
/// <remarks>
/// The reference policy checks a block's snake-case <c>thought_signature</c> and camel-case <c>thoughtSignature</c> fields.
/// Both spellings land in the one <see cref="OpenRouterToolCall.ThoughtSignature"/> property here, so that property is what is
/// checked. Nothing else about Gemini is rewritten: OpenRouter speaks chat completions to it like to any other model.
/// </remarks>
internal sealed class GeminiThoughtSignatureStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        if (!ModelFamily.IsGemini(context.ModelId))
        {
            return;
        }
        var messages = context.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (!message.FromEarlierTurn || message.ToolCalls is not { Count: > 0 } calls
                || !calls.Any(call => call.ThoughtSignature is not null && !IsBase64Signature(call.ThoughtSignature)))
            {
                continue;
            }
            messages[i] = message with
            {
                ToolCalls = [.. calls.Select(call => call.ThoughtSignature is null || IsBase64Signature(call.ThoughtSignature) ? call : call with { ThoughtSignature = null })],
            };
        }
    }

    /// <summary>
    /// Standard or URL-safe base64 (whitespace ignored, padding optional) that decodes to at least one byte and re-encodes to
    /// the same text: a JSON object or an arbitrary word fails.
    /// </summary>
    public static bool IsBase64Signature(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var compact = new string([.. value.Where(c => !char.IsWhiteSpace(c))]);
        if (compact.Length == 0 || !compact.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_'))
        {
            return false;
        }
        var unpadded = compact.TrimEnd('=');
        if (unpadded.Contains('=', StringComparison.Ordinal) || unpadded.Length % 4 == 1)
        {
            return false;
        }
        var urlSafe = unpadded.Contains('-', StringComparison.Ordinal) || unpadded.Contains('_', StringComparison.Ordinal);
        if (urlSafe && (unpadded.Contains('+', StringComparison.Ordinal) || unpadded.Contains('/', StringComparison.Ordinal)))
        {
            return false;
        }
        var standard = urlSafe ? unpadded.Replace('-', '+').Replace('_', '/') : unpadded;
        var padded = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        var bytes = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, bytes, out var written) || written == 0)
        {
            return false;
        }
        // Non-zero bits in the last character's unused tail decode fine but re-encode differently: not a real encoding.
        return Convert.ToBase64String(bytes, 0, written).TrimEnd('=') == standard;
    }
}
