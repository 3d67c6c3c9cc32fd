using System.Security.Cryptography;
using System.Text;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §7.2: tool-call ids containing <c>|</c> (Responses-API <c>call_id|item_id</c> pairs, whose item part holds
/// characters chat completions reject) are cut at the <c>|</c>, sanitised to <c>[A-Za-z0-9_-]</c> and kept to 40 characters;
/// Mistral-family models get strict 9-character alphanumeric ids. Calls and results are rewritten through one map so they
/// still pair up.
/// </summary>
internal sealed class ToolCallIdStep : IChatPayloadStep
{
    /// <summary>The longest id OpenAI-style endpoints accept.</summary>
    public const int MaxIdLength = 40;

    /// <summary>The exact id length Mistral accepts.</summary>
    public const int MistralIdLength = 9;

    public void Apply(ChatPayloadContext context)
    {
        var mistral = ModelFamily.IsMistral(context.ModelId) || ModelFamily.IsMistral(context.ApiId);
        var map = new IdMap(mistral);
        var messages = context.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.ToolCalls is { Count: > 0 } calls)
            {
                var ids = calls.Select(call => map.Rewrite(call.Id)).ToArray();
                if (!ids.SequenceEqual(calls.Select(call => call.Id), StringComparer.Ordinal))
                {
                    message = message with { ToolCalls = [.. calls.Select((call, index) => call with { Id = ids[index] })] };
                }
            }
            if (message.ToolCallId is { } resultId && map.Rewrite(resultId) is var rewritten && rewritten != resultId)
            {
                message = message with { ToolCallId = rewritten };
            }
            messages[i] = message;
        }
    }

    /// <summary>
    /// Original id → wire id, assigned in order of first appearance. Earlier ids therefore keep their wire ids as the history
    /// grows (a cached prompt prefix stays byte-identical), and a collision moves only the later id to a hashed variant.
    /// </summary>
    private sealed class IdMap(bool mistral)
    {
        private readonly Dictionary<string, string> _byOriginal = new(StringComparer.Ordinal);
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

        public string Rewrite(string original)
        {
            if (_byOriginal.TryGetValue(original, out var known))
            {
                return known;
            }
            var candidate = mistral ? Mistral(original) : CutAtPipe(original);
            for (var attempt = 0; !_taken.Add(candidate); attempt++)
            {
                candidate = mistral
                    ? Hash($"{original}:{attempt}", MistralIdLength)
                    : Truncate(CutAtPipe(original), MaxIdLength - 9) + "_" + Hash($"{original}:{attempt}", 8);
            }
            _byOriginal[original] = candidate;
            return candidate;
        }

        private static string CutAtPipe(string id)
        {
            var pipe = id.IndexOf('|', StringComparison.Ordinal);
            if (pipe < 0)
            {
                return id;
            }
            var builder = new StringBuilder(Math.Min(pipe, MaxIdLength));
            foreach (var c in id.AsSpan(0, pipe))
            {
                if (builder.Length == MaxIdLength)
                {
                    break;
                }
                builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
            }
            return builder.ToString();
        }

        private static string Mistral(string id)
        {
            var alphanumeric = new string([.. CutAtPipe(id).Where(char.IsAsciiLetterOrDigit)]);
            // Short ids are padded from a hash of the whole id rather than a fixed filler, so short ids sharing a prefix stay apart.
            return alphanumeric.Length >= MistralIdLength
                ? alphanumeric[..MistralIdLength]
                : (alphanumeric + Hash(id, MistralIdLength))[..MistralIdLength];
        }

        private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

        private static string Hash(string value, int length) =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];
    }
}
