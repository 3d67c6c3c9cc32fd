using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Account;

/// <summary><c>GET /key</c>, <c>GET /credits</c> and <c>GET /generation?id=</c>.</summary>
internal sealed class AccountEndpoints(EmulatorState state)
{
    public Task KeyAsync(HttpContext context)
    {
        var key = (string)context.Items[HttpItems.ApiKey]!;
        state.Keys.TryGet(key, out var profile);
        var usage = EmulatorJson.Money(state.Keys.UsageOf(key));
        decimal? remaining = profile.Limit is { } limit ? Math.Max(0m, limit - usage) : null;
        var data = new JsonObject
        {
            ["label"] = profile.Label,
            ["limit"] = profile.Limit,
            ["limit_reset"] = profile.LimitReset,
            ["limit_remaining"] = remaining,
            ["include_byok_in_limit"] = false,
            ["usage"] = usage,
            ["usage_daily"] = usage,
            ["usage_weekly"] = usage,
            ["usage_monthly"] = usage,
            ["byok_usage"] = 0,
            ["byok_usage_daily"] = 0,
            ["byok_usage_weekly"] = 0,
            ["byok_usage_monthly"] = 0,
            ["is_free_tier"] = profile.IsFreeTier,
            ["is_management_key"] = profile.IsManagementKey,
            ["is_provisioning_key"] = profile.IsManagementKey,
            ["expires_at"] = null,
        };
        return JsonHttp.WriteAsync(context, new JsonObject { ["data"] = data });
    }

    public Task CreditsAsync(HttpContext context)
    {
        var key = (string)context.Items[HttpItems.ApiKey]!;
        state.Keys.TryGet(key, out var profile);
        if (state.Options.CreditsRequireManagementKey && !profile.IsManagementKey)
        {
            return ErrorEnvelope.WriteAsync(context, 403, "Only management keys can perform this operation");
        }
        var data = new JsonObject { ["total_credits"] = profile.TotalCredits, ["total_usage"] = EmulatorJson.Money(state.Keys.UsageOf(key)) };
        return JsonHttp.WriteAsync(context, new JsonObject { ["data"] = data });
    }

    public Task GenerationAsync(HttpContext context)
    {
        var id = context.Request.Query["id"].ToString();
        if (id.Length == 0)
        {
            return ErrorEnvelope.WriteAsync(context, 400, "Invalid request parameters: the \"id\" query parameter is required.");
        }
        var key = (string)context.Items[HttpItems.ApiKey]!;
        var record = state.Generations.Find(key, id);
        var pending = ScriptedFaults.Of(context).Has(FaultNames.GenerationPending)
            || (state.Options.GenerationNotFoundOnFirstLookup && record is not null && state.Generations.IsFirstLookup(id));
        if (record is null || pending)
        {
            return ErrorEnvelope.WriteAsync(context, 404, $"Generation {id} not found");
        }
        return JsonHttp.WriteAsync(context, new JsonObject { ["data"] = record });
    }
}
