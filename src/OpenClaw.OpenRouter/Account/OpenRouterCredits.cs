using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Account;

/// <summary>The <c>data</c> of <c>GET /credits</c> (API spec §4): credits bought and spent, in US dollars.</summary>
public sealed record OpenRouterCredits
{
    /// <summary>Credits bought over the account's life; <see langword="null"/> when missing or malformed.</summary>
    public decimal? TotalCredits { get; init; }

    /// <summary>Credits spent over the account's life; <see langword="null"/> when missing or malformed.</summary>
    public decimal? TotalUsage { get; init; }

    /// <summary>Credits minus usage (negative when overdrawn); <see langword="null"/> unless both are known.</summary>
    public decimal? Remaining => TotalCredits - TotalUsage;

    /// <summary>The whole <c>data</c> object, so fields this type does not model are not lost.</summary>
    public JsonObject Raw { get; init; } = [];

    /// <summary>Reads the <c>data</c> object of the response (not the envelope).</summary>
    /// <exception cref="JsonException"><paramref name="data"/> is not an object.</exception>
    public static OpenRouterCredits Parse(JsonElement data)
    {
        var raw = AccountJson.RawObject(data, "credits");
        return new OpenRouterCredits
        {
            TotalCredits = JsonValues.Decimal(data, "total_credits"),
            TotalUsage = JsonValues.Decimal(data, "total_usage"),
            Raw = raw,
        };
    }
}
