using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Account;

/// <summary>
/// The <c>data</c> of <c>GET /key</c> (API spec §4): the key's budget, its spend per period and its kind. Money in US dollars.
/// A field that is missing, null or malformed reads as <see langword="null"/> (flags as <see langword="false"/>).
/// </summary>
public sealed record OpenRouterKeyInfo
{
    /// <summary>The key's label (the usage snapshot's <c>plan</c>).</summary>
    public string? Label { get; init; }

    /// <summary>The spending limit; <see langword="null"/> means unlimited.</summary>
    public decimal? Limit { get; init; }

    /// <summary>What is left of <see cref="Limit"/>; <see langword="null"/> when unlimited or not reported.</summary>
    public decimal? LimitRemaining { get; init; }

    /// <summary>The period the limit resets over as sent: <c>daily</c>, <c>weekly</c>, <c>monthly</c>, or <see langword="null"/> for never.</summary>
    public string? LimitReset { get; init; }

    /// <summary>Whether bring-your-own-key spend counts against <see cref="Limit"/>.</summary>
    public bool IncludeByokInLimit { get; init; }

    /// <summary>All-time spend on OpenRouter credits.</summary>
    public decimal? Usage { get; init; }

    public decimal? UsageDaily { get; init; }

    public decimal? UsageWeekly { get; init; }

    public decimal? UsageMonthly { get; init; }

    /// <summary>All-time bring-your-own-key spend.</summary>
    public decimal? ByokUsage { get; init; }

    public decimal? ByokUsageDaily { get; init; }

    public decimal? ByokUsageWeekly { get; init; }

    public decimal? ByokUsageMonthly { get; init; }

    public bool IsFreeTier { get; init; }

    /// <summary>A management (formerly "provisioning") key: the only kind current OpenRouter lets read <c>/credits</c>.</summary>
    public bool IsManagementKey { get; init; }

    /// <summary>The whole <c>data</c> object, so fields this type does not model are not lost.</summary>
    public JsonObject Raw { get; init; } = [];

    /// <summary>Reads the <c>data</c> object of the response (not the envelope).</summary>
    /// <exception cref="JsonException"><paramref name="data"/> is not an object.</exception>
    public static OpenRouterKeyInfo Parse(JsonElement data)
    {
        var raw = AccountJson.RawObject(data, "key");
        return new OpenRouterKeyInfo
        {
            Label = JsonValues.String(data, "label"),
            Limit = JsonValues.Decimal(data, "limit"),
            LimitRemaining = JsonValues.Decimal(data, "limit_remaining"),
            LimitReset = JsonValues.String(data, "limit_reset"),
            IncludeByokInLimit = JsonValues.Boolean(data, "include_byok_in_limit") ?? false,
            Usage = JsonValues.Decimal(data, "usage"),
            UsageDaily = JsonValues.Decimal(data, "usage_daily"),
            UsageWeekly = JsonValues.Decimal(data, "usage_weekly"),
            UsageMonthly = JsonValues.Decimal(data, "usage_monthly"),
            ByokUsage = JsonValues.Decimal(data, "byok_usage"),
            ByokUsageDaily = JsonValues.Decimal(data, "byok_usage_daily"),
            ByokUsageWeekly = JsonValues.Decimal(data, "byok_usage_weekly"),
            ByokUsageMonthly = JsonValues.Decimal(data, "byok_usage_monthly"),
            IsFreeTier = JsonValues.Boolean(data, "is_free_tier") ?? false,
            // Older deployments only send the former name.
            IsManagementKey = JsonValues.Boolean(data, "is_management_key") ?? JsonValues.Boolean(data, "is_provisioning_key") ?? false,
            Raw = raw,
        };
    }
}
