namespace OpenClaw.OpenRouter.Shaping.Steps;

/// <summary>
/// Provider spec §5: <c>Authorization: Bearer</c>, then (later wins) configured headers, the response-cache headers and the
/// attribution headers — those two only on an OpenRouter endpoint — and the caller's headers, except that a caller can
/// never replace an attribution header. A verified route fills in a missing Authorization, Referer or Title.
/// </summary>
internal sealed class HeadersStep : IChatPayloadStep
{
    public const string SessionHeader = "x-session-id";

    public void Apply(ChatPayloadContext context)
    {
        var headers = context.Headers;
        if (context.ApiKey is { Length: > 0 } key)
        {
            headers.Set("Authorization", "Bearer " + key);
        }
        headers.Set("Accept", "application/json");
        if (context.ConfiguredHeaders is { } configured)
        {
            foreach (var (name, value) in configured)
            {
                headers.Set(name, value);
            }
        }
        var attribution = context.Attribution;
        if (context.Route.IsOpenRouterEndpoint)
        {
            foreach (var (name, value) in ResponseCacheHeaders.From(context.Params))
            {
                headers.Set(name, value);
            }
            if (attribution is not null)
            {
                SetIfValue(headers, OpenRouterAttribution.RefererHeader, attribution.Referer);
                SetIfValue(headers, OpenRouterAttribution.TitleHeader, attribution.Title);
                SetIfValue(headers, OpenRouterAttribution.CategoriesHeader, attribution.Categories);
            }
        }
        if (context.Request.Headers is { } callerHeaders)
        {
            foreach (var (name, value) in callerHeaders)
            {
                if (!OpenRouterAttribution.IsAttributionHeader(name))
                {
                    headers.Set(name, value);
                }
            }
        }
        if (context.Route.IsVerified && context.ApiKey is { Length: > 0 } verifiedKey)
        {
            if (!headers.Contains("Authorization"))
            {
                headers.Set("Authorization", "Bearer " + verifiedKey);
            }
            if (attribution is not null)
            {
                if (!headers.Contains(OpenRouterAttribution.RefererHeader))
                {
                    SetIfValue(headers, OpenRouterAttribution.RefererHeader, attribution.Referer);
                }
                if (!headers.Contains(OpenRouterAttribution.TitleHeader))
                {
                    SetIfValue(headers, OpenRouterAttribution.TitleHeader, attribution.Title);
                }
            }
        }
        if (context.SendSessionAffinityHeaders && context.Request.SessionId is { Length: > 0 } session)
        {
            headers.Set(SessionHeader, session);
        }
    }

    private static void SetIfValue(HeaderList headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.Set(name, value);
        }
    }
}
