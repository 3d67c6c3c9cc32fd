using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace OpenClaw.Benchmarks.Streaming;

/// <summary>One line on what a client made of the whole stream, printed by the self-check so differences between parsers show in the log.</summary>
public static class ResponseSummary
{
    /// <summary>Finish reason, model, ids, usage (with extra counts), extra properties, reasoning items and tool calls.</summary>
    public static string Describe(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = new StringBuilder();
        var contents = response.Messages.SelectMany(message => message.Contents).ToList();
        text.Append(CultureInfo.InvariantCulture, $"finish={response.FinishReason?.Value ?? "null"} model={response.ModelId ?? "null"} id={response.ResponseId ?? "null"}");
        if (response.Usage is { } usage)
        {
            text.Append(CultureInfo.InvariantCulture,
                $" usage(in={usage.InputTokenCount}, out={usage.OutputTokenCount}, cached={usage.CachedInputTokenCount}, reasoning={usage.ReasoningTokenCount}");
            if (usage.AdditionalCounts is { Count: > 0 } counts)
            {
                text.Append(", ").AppendJoin(", ", counts.Select(pair => $"{pair.Key}={pair.Value}"));
            }
            text.Append(')');
        }
        else
        {
            text.Append(" usage=none");
        }
        var properties = (response.AdditionalProperties?.Keys ?? Enumerable.Empty<string>())
            .Concat(response.Messages.SelectMany(message => message.AdditionalProperties?.Keys ?? Enumerable.Empty<string>()))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        text.Append(" properties=[").AppendJoin(",", properties).Append(']');
        var reasoning = contents.OfType<TextReasoningContent>().ToList();
        text.Append(CultureInfo.InvariantCulture,
            $" reasoning(items={reasoning.Count}, chars={reasoning.Sum(item => item.Text.Length)}, protectedData={reasoning.Count(item => item.ProtectedData is not null)})");
        text.Append(CultureInfo.InvariantCulture, $" text={contents.OfType<TextContent>().Sum(item => item.Text.Length)}");
        text.Append(" calls=[").AppendJoin(",", contents.OfType<FunctionCallContent>()
            .Select(call => $"{call.Name}#{call.CallId}({call.Arguments?.Count ?? 0} args{(call.Exception is null ? "" : ", error")})"))
            .Append(']');
        return text.ToString();
    }
}
