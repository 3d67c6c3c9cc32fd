using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Shaping;

namespace OpenClaw.OpenRouter.AI;

/// <summary>Maps OpenRouter results and stream updates to MEAI responses.</summary>
/// <remarks>
/// <para>
/// <b>Contents</b>, in this order: each thinking block as a <see cref="TextReasoningContent"/> with its source field in
/// <see cref="OpenRouterPropertyNames.SourceField"/>; every <c>reasoning_details</c> item, verbatim, as a
/// <see cref="TextReasoningContent"/> with empty text and the item's JSON in <see cref="TextReasoningContent.ProtectedData"/>
/// (so the next request can replay encrypted thought signatures, and no item is lost); the visible text as
/// <see cref="TextContent"/>; generated images as <see cref="DataContent"/> (<see cref="UriContent"/> for a non-data URL; a data
/// URL that <see cref="DataContent"/> cannot read is left out, and stays in the raw representation's <c>Images</c>);
/// tool calls as <see cref="FunctionCallContent"/> with the arguments parsed into a dictionary of <see cref="JsonElement"/>
/// values (arguments that are not a JSON object set <see cref="FunctionCallContent.Exception"/> and keep their text in
/// <see cref="OpenRouterPropertyNames.RawArguments"/>).
/// </para>
/// <para>
/// <b>Usage and cost.</b> <see cref="UsageDetails.InputTokenCount"/> is <c>prompt_tokens</c> (cached tokens included, as MEAI
/// counts them), <see cref="UsageDetails.CachedInputTokenCount"/> the cache reads, <see cref="UsageDetails.ReasoningTokenCount"/>
/// the reasoning tokens. MEAI has no money field, so the cost goes twice: as <see cref="OpenRouterPropertyNames.CostPicodollars"/>
/// in <see cref="UsageDetails.AdditionalCounts"/> (a whole number, exact and summed by middleware across calls), and as
/// <see cref="OpenRouterPropertyNames.Cost"/> (US dollars as a <see cref="double"/>) with its origin, BYOK flag and details in
/// the response's <c>AdditionalProperties</c> — on a streamed response those arrive on the last update, which MEAI folds into the
/// message's <c>AdditionalProperties</c>.
/// </para>
/// <para>
/// <b>Finish reasons.</b> <c>stop</c>/<c>end</c>, <c>length</c>, <c>tool_calls</c> (and <c>tool_call</c>, <c>function_call</c>) and
/// <c>content_filter</c> map to MEAI's statics; any other value (<c>error</c>, values added later) becomes
/// <c>new ChatFinishReason(value)</c>; a blank value means <see cref="ChatFinishReason.Stop"/>. Mapping never throws. A whole
/// result that ended normally with tool calls reports <see cref="ChatFinishReason.ToolCalls"/> even after a <c>stop</c>, and one
/// without tool calls never does (provider spec §14.2).
/// </para>
/// </remarks>
public static class ChatResponseMapper
{
    private const decimal PicodollarsPerDollar = 1_000_000_000_000m;

    /// <summary>The whole answer as a response (<see cref="ChatResponse.RawRepresentation"/> is <paramref name="result"/>).</summary>
    public static ChatResponse ToChatResponse(OpenRouterChatResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var contents = new List<AIContent>();
        foreach (var block in result.Thinking)
        {
            contents.Add(Thinking(block));
        }
        AddReasoningDetails(result.ReasoningDetails, contents);
        if (result.Text.Length > 0)
        {
            contents.Add(new TextContent(result.Text));
        }
        AddImages(result.Images, contents);
        foreach (var call in result.ToolCalls)
        {
            contents.Add(ToFunctionCall(call));
        }
        var message = new ChatMessage(ChatRole.Assistant, contents) { MessageId = result.Id, RawRepresentation = result };
        return new ChatResponse(message)
        {
            ResponseId = result.Id,
            ModelId = result.Model ?? result.RequestedModel,
            FinishReason = ToFinishReason(result),
            Usage = result.Usage is { } usage ? ToUsageDetails(usage) : null,
            AdditionalProperties = ToAdditionalProperties(result),
            RawRepresentation = result,
        };
    }

    /// <summary>
    /// One streamed update. The last update of a stream (the one carrying <see cref="OpenRouterChatUpdate.Completed"/>) becomes
    /// the closing update: usage, finish reason, model and the <c>openrouter.*</c> properties, and no content repeated.
    /// </summary>
    public static ChatResponseUpdate ToChatResponseUpdate(OpenRouterChatUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Completed is { } completed)
        {
            return new ChatResponseUpdate
            {
                Role = ChatRole.Assistant,
                ResponseId = completed.Id,
                MessageId = completed.Id,
                ModelId = completed.Model ?? completed.RequestedModel,
                FinishReason = ToFinishReason(completed),
                // Usage is reported once, here, so MEAI's summing of UsageContent does not count it twice.
                Contents = completed.Usage is { } usage ? [new UsageContent(ToUsageDetails(usage))] : [],
                AdditionalProperties = ToAdditionalProperties(completed),
                RawRepresentation = update,
            };
        }

        var contents = new List<AIContent>();
        if (update.Thinking is { } thinking)
        {
            contents.Add(Thinking(thinking));
        }
        if (update.ReasoningDetails is { } details)
        {
            AddReasoningDetails(details, contents);
        }
        if (!string.IsNullOrEmpty(update.Text))
        {
            contents.Add(new TextContent(update.Text));
        }
        if (update.Images is { } images)
        {
            AddImages(images, contents);
        }
        foreach (var call in update.ToolCalls ?? [])
        {
            contents.Add(ToFunctionCall(call));
        }
        return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ResponseId = update.ResponseId,
            MessageId = update.ResponseId,
            ModelId = update.Model,
            FinishReason = ToFinishReason(update.FinishReason),
            Contents = contents,
            RawRepresentation = update,
        };
    }

    /// <summary>A wire <c>finish_reason</c> as MEAI's open struct; <see langword="null"/> stays <see langword="null"/>. Never throws.</summary>
    public static ChatFinishReason? ToFinishReason(OpenRouterFinishReason? finishReason) => finishReason?.Value switch
    {
        null => null,
        "stop" or "end" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "tool_call" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        // ChatFinishReason refuses blank values; a blank finish_reason means an ordinary end (§14.2).
        var value when string.IsNullOrWhiteSpace(value) => ChatFinishReason.Stop,
        var value => new ChatFinishReason(value),
    };

    /// <summary>The finish reason of a whole result, corrected by whether it made tool calls (§14.2).</summary>
    public static ChatFinishReason? ToFinishReason(OpenRouterChatResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.StopReason == OpenRouterStopReason.ToolUse)
        {
            return ChatFinishReason.ToolCalls;
        }
        var mapped = ToFinishReason(result.FinishReason);
        return mapped == ChatFinishReason.ToolCalls ? ChatFinishReason.Stop : mapped;
    }

    /// <summary>Token counts and the cost (see the type's remarks).</summary>
    public static UsageDetails ToUsageDetails(OpenRouterUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var details = new UsageDetails
        {
            InputTokenCount = usage.PromptTokens,
            OutputTokenCount = usage.CompletionTokens,
            TotalTokenCount = usage.PromptTokens + usage.CompletionTokens,
            CachedInputTokenCount = usage.CacheReadTokens,
            ReasoningTokenCount = usage.ReasoningTokens,
        };
        if (usage.CacheWriteTokens > 0)
        {
            (details.AdditionalCounts ??= [])[OpenRouterPropertyNames.CacheWriteTokens] = usage.CacheWriteTokens;
        }
        // Compared before multiplying: a cost above 7.9e16 dollars would overflow decimal itself.
        if (usage.Cost is { } cost && cost <= long.MaxValue / PicodollarsPerDollar)
        {
            (details.AdditionalCounts ??= [])[OpenRouterPropertyNames.CostPicodollars] = (long)Math.Round(cost * PicodollarsPerDollar, MidpointRounding.AwayFromZero);
        }
        return details;
    }

    /// <summary>A tool call as a <see cref="FunctionCallContent"/> (<see cref="AIContent.RawRepresentation"/> is the call).</summary>
    public static FunctionCallContent ToFunctionCall(OpenRouterToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var content = FunctionCallContent.CreateFromParsedArguments(call.Arguments, call.Id, call.Name, ParseArguments);
        content.RawRepresentation = call;
        if (content.Exception is not null)
        {
            (content.AdditionalProperties ??= [])[OpenRouterPropertyNames.RawArguments] = call.Arguments;
        }
        return content;
    }

    private static Dictionary<string, object?> ParseArguments(string text)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return arguments;
        }
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Function call arguments are not a JSON object.");
        }
        foreach (var property in document.RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }
        return arguments;
    }

    private static TextReasoningContent Thinking(ThinkingBlock block) => new(block.Text)
    {
        AdditionalProperties = new() { [OpenRouterPropertyNames.SourceField] = block.SourceField },
    };

    private static void AddReasoningDetails(JsonArray details, List<AIContent> contents)
    {
        foreach (var item in details)
        {
            if (item is null)
            {
                continue;
            }
            var reasoning = new TextReasoningContent("") { ProtectedData = WireJson.Serialize(item), RawRepresentation = item };
            if (item is JsonObject detail && AIJsonNodes.AsString(detail["type"]) is { } type)
            {
                reasoning.AdditionalProperties = new() { [OpenRouterPropertyNames.ReasoningDetailType] = type };
            }
            contents.Add(reasoning);
        }
    }

    private static void AddImages(JsonArray images, List<AIContent> contents)
    {
        foreach (var image in images)
        {
            // Items are verbatim from the wire: anything but an object (a string, an array) names no image.
            if (image is not JsonObject item)
            {
                continue;
            }
            var url = AIJsonNodes.AsString((item["image_url"] as JsonObject)?["url"]) ?? AIJsonNodes.AsString(item["url"]);
            if (string.IsNullOrEmpty(url))
            {
                continue;
            }
            if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                if (TryDataContent(url) is { } data)
                {
                    data.RawRepresentation = image;
                    contents.Add(data);
                }
            }
            else if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                contents.Add(new UriContent(uri, ImageMediaTypeOf(uri)) { RawRepresentation = image });
            }
        }
    }

    /// <summary>A data URL MEAI can read; one it cannot (<c>data:x</c>, bad base64) is left out rather than failing the whole answer.</summary>
    private static DataContent? TryDataContent(string url)
    {
        try
        {
            return new DataContent(url);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string ImageMediaTypeOf(Uri uri) => Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/png",
    };

    private static AdditionalPropertiesDictionary ToAdditionalProperties(OpenRouterChatResult result)
    {
        var properties = new AdditionalPropertiesDictionary();
        if (result.Provider is { } provider)
        {
            properties[OpenRouterPropertyNames.Provider] = provider;
        }
        if (result.NativeFinishReason is { } native)
        {
            properties[OpenRouterPropertyNames.NativeFinishReason] = native;
        }
        properties[OpenRouterPropertyNames.StopReason] = result.StopReason.Value;
        if (result.ErrorMessage is { } error)
        {
            properties[OpenRouterPropertyNames.ErrorMessage] = error;
        }
        if (result.Usage is { } usage)
        {
            if (usage.Cost is { } cost)
            {
                properties[OpenRouterPropertyNames.Cost] = (double)cost;
            }
            if (usage.CostOrigin is { } origin)
            {
                properties[OpenRouterPropertyNames.CostOrigin] = origin;
            }
            if (usage.IsByok is { } byok)
            {
                properties[OpenRouterPropertyNames.IsByok] = byok;
            }
            if (usage.CostDetails is { } costDetails)
            {
                properties[OpenRouterPropertyNames.CostDetails] = WireJson.Serialize(costDetails);
                if (costDetails["upstream_inference_cost"] is JsonValue upstream && upstream.GetValueKind() == JsonValueKind.Number
                    && upstream.TryGetValue(out double upstreamCost))
                {
                    properties[OpenRouterPropertyNames.UpstreamInferenceCost] = upstreamCost;
                }
            }
        }
        return properties;
    }
}
