using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §7.3: the thinking level becomes <c>reasoning</c>. Step 1, nothing for models that cannot reason; step 2,
/// the request builder's effort from the catalog's efforts; step 3, the provider's own step, which only fills an absent
/// effort and never overwrites a configured <c>effort</c> or <c>max_tokens</c>. Never a top-level <c>reasoning_effort</c>.
/// </summary>
internal sealed class ReasoningStep : IChatPayloadStep
{
    public void Apply(ChatPayloadContext context)
    {
        var payload = context.Payload;
        payload.Remove("reasoning_effort");
        var model = context.Model;
        // A one-shot completion is not clamped by the model's thinking profile (CLI spec §7): the requested level goes to the
        // builder's own mapping, so DeepSeek V4 with declared efforts [xhigh, high] turns `low` into `high`, not `none`.
        var level = context.Request.OneShot ? context.RequestedLevel : context.Level;
        if (!model.Reasoning || ModelFamily.IsHunterAlpha(context.ModelId))
        {
            // Step 1. The router ids also skip the provider step (Step 3), so nothing at all is sent.
            return;
        }
        var reasoning = BuilderReasoning(model, context.ApiId, level);
        if (context.Params["reasoning"] is JsonObject configured && configured.Count > 0)
        {
            reasoning = MergeConfigured(configured, reasoning);
        }
        if (reasoning is not null)
        {
            payload["reasoning"] = reasoning;
        }
        if (!ModelFamily.IsAutoRouter(context.ModelId) && !model.IsBinaryReasoning)
        {
            ProviderStep(payload, level);
        }
    }

    /// <summary>Step 2: the effort the request builder chooses.</summary>
    public static JsonObject? BuilderReasoning(OpenRouterModelInfo model, string apiId, ThinkingLevel? level)
    {
        if (model.IsBinaryReasoning)
        {
            return new JsonObject { ["enabled"] = level is not { } off || off != ThinkingLevel.Off };
        }
        if (level is not { } requested)
        {
            return new JsonObject { ["effort"] = "high" };
        }
        if (model.SupportedReasoningEfforts is { Count: > 0 } efforts)
        {
            return new JsonObject { ["effort"] = ChooseDeclared(efforts, requested).Value };
        }
        var clamped = ClampToModelLevels(requested);
        return new JsonObject { ["effort"] = clamped == ThinkingLevel.Off ? "none" : clamped.Value };
    }

    /// <summary>Efforts unknown: only <c>off, minimal, low, medium, high</c>; <c>xhigh</c>/<c>max</c> → high, <c>adaptive</c> → medium.</summary>
    public static ThinkingLevel ClampToModelLevels(ThinkingLevel level) => level.Value switch
    {
        "xhigh" or "max" => ThinkingLevel.High,
        "adaptive" => ThinkingLevel.Medium,
        _ => level,
    };

    private static ReasoningEffort ChooseDeclared(IReadOnlyList<ReasoningEffort> efforts, ThinkingLevel level)
    {
        var wanted = level == ThinkingLevel.Off ? ReasoningEffort.None
            : level == ThinkingLevel.Adaptive ? ReasoningEffort.Medium
            : new ReasoningEffort(level.Value);
        if (efforts.Contains(wanted))
        {
            return wanted;
        }
        // `none` answers only `off` (the exact match above); ranking it would turn a wish to think into no thinking at all.
        ReasoningEffort? best = null;
        foreach (var effort in efforts)
        {
            if (effort.Rank > 0 && effort.Rank <= wanted.Rank && (best is null || effort.Rank > best.Value.Rank))
            {
                best = effort;
            }
        }
        if (best is { } below)
        {
            return below;
        }
        var lowest = efforts[0];
        foreach (var effort in efforts)
        {
            if (effort.Rank > 0 && (lowest.Rank <= 0 || effort.Rank < lowest.Rank))
            {
                lowest = effort;
            }
        }
        return lowest;
    }

    /// <summary>A configured <c>reasoning</c> object keeps its effort or budget; otherwise its other fields join the chosen effort.</summary>
    private static JsonObject MergeConfigured(JsonObject configured, JsonObject? chosen)
    {
        var merged = (JsonObject)configured.DeepClone();
        if (merged.ContainsKey("effort") || merged.ContainsKey("max_tokens") || chosen is null)
        {
            return merged;
        }
        foreach (var (key, value) in chosen)
        {
            if (!merged.ContainsKey(key))
            {
                merged[key] = value?.DeepClone();
            }
        }
        return merged;
    }

    /// <summary>Step 3: fills an absent effort from the level (<c>max</c> → xhigh, <c>adaptive</c> → medium); never overwrites.</summary>
    private static void ProviderStep(JsonObject payload, ThinkingLevel? level)
    {
        if (level is not { } requested || requested == ThinkingLevel.Off)
        {
            return;
        }
        var effort = requested.Value switch
        {
            "max" => "xhigh",
            "adaptive" => "medium",
            var value => value,
        };
        switch (payload["reasoning"])
        {
            case JsonObject reasoning when !reasoning.ContainsKey("effort") && !reasoning.ContainsKey("max_tokens"):
                reasoning["effort"] = effort;
                break;
            case null:
                payload["reasoning"] = new JsonObject { ["effort"] = effort };
                break;
        }
    }
}
