using System.Text.Json.Nodes;
using OpenClaw.Agent.Turns;
using OpenClaw.Core.Credentials;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary>The <c>agent --json</c> document (CLI spec §4), built node by node (no reflection serialization).</summary>
public static class AgentResultDocument
{
    /// <summary>
    /// <c>{payloads:[{text, mediaUrl}], meta:{durationMs, agentMeta:{…}, aborted, stopReason, completion:{stopReason,
    /// finishReason}, requestShaping:{authMode, thinking}}}</c>.
    /// </summary>
    public static JsonObject Build(AgentTurnResult result, ResolvedApiKey key)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(key);
        var payloads = new JsonArray();
        foreach (var payload in result.Payloads)
        {
            payloads.Add((JsonNode)new JsonObject { ["text"] = payload.Text, ["mediaUrl"] = payload.MediaUrl });
        }
        return new JsonObject
        {
            ["payloads"] = payloads,
            ["meta"] = new JsonObject
            {
                ["durationMs"] = (long)Math.Round(result.Duration.TotalMilliseconds),
                ["agentMeta"] = new JsonObject
                {
                    ["sessionId"] = result.SessionId,
                    ["provider"] = "openrouter",
                    ["model"] = result.Model,
                    ["responseModel"] = result.ResponseModel,
                    ["contextTokens"] = result.ContextTokens,
                    ["usage"] = Usage(result.Usage),
                    ["lastCallUsage"] = Usage(result.LastCallUsage),
                    ["costUsd"] = result.Usage.Cost,
                },
                ["aborted"] = false,
                ["stopReason"] = result.StopReason,
                ["completion"] = new JsonObject
                {
                    ["stopReason"] = result.StopReason,
                    ["finishReason"] = result.FinishReason,
                },
                ["requestShaping"] = new JsonObject
                {
                    ["authMode"] = AuthMode(key),
                    ["thinking"] = result.Thinking,
                },
            },
        };
    }

    /// <summary>Where the key came from, as OpenClaw names it: <c>auth-profile</c>, <c>config</c> or <c>env</c>.</summary>
    public static string AuthMode(ResolvedApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ProfileId is not null ? "auth-profile"
            : key.Source.StartsWith("models.providers", StringComparison.Ordinal) ? "config"
            : "env";
    }

    /// <summary><c>{input, output, cacheRead, cacheWrite, reasoningTokens?, total, cost:{total, totalOrigin}}</c>.</summary>
    public static JsonObject Usage(AgentUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var node = new JsonObject
        {
            ["input"] = usage.Input,
            ["output"] = usage.Output,
            ["cacheRead"] = usage.CacheRead,
            ["cacheWrite"] = usage.CacheWrite,
        };
        if (usage.ReasoningTokens is { } reasoning)
        {
            node["reasoningTokens"] = reasoning;
        }
        node["total"] = usage.Total;
        node["cost"] = new JsonObject { ["total"] = usage.Cost, ["totalOrigin"] = usage.CostOrigin };
        return node;
    }
}
