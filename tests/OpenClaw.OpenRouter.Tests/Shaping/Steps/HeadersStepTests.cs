using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class HeadersStepTests
{
    private const string Categories = "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent";

    private static HeaderList Headers(string? baseUrl, string? parameters = null, IReadOnlyDictionary<string, string>? caller = null,
        IReadOnlyDictionary<string, string>? configured = null, OpenRouterAttribution? attribution = null, string? sessionId = null, bool affinity = false)
    {
        var request = new OpenRouterChatRequest { Model = "openai/gpt-5.5", Messages = [OpenRouterMessage.User("hi")], Headers = caller, SessionId = sessionId };
        var context = new ChatPayloadContext(request, OpenRouterRoute.Classify(baseUrl), new OpenRouterModelInfo { Id = "openai/gpt-5.5" })
        {
            ApiKey = "sk-or-v1-abc",
            Attribution = attribution ?? OpenRouterAttribution.OpenClaw,
            ConfiguredHeaders = configured,
            SendSessionAffinityHeaders = affinity,
            Params = parameters is null ? [] : JsonNode.Parse(parameters)!.AsObject(),
        };
        new HeadersStep().Apply(context);
        return context.Headers;
    }

    [Theory]
    [InlineData(OpenRouterBaseUrl.Canonical)]
    [InlineData("https://openrouter.ai/v1/")]
    [InlineData(PayloadContexts.OtherOpenRouterUrl)]
    [InlineData(null)]
    public void OpenRouter_endpoints_get_bearer_auth_attribution_and_cache_headers(string? baseUrl)
    {
        var headers = Headers(baseUrl, """{"responseCache":true,"responseCacheTtlSeconds":300}""");

        Assert.Equal(
            [
                new("Authorization", "Bearer sk-or-v1-abc"),
                new("Accept", "application/json"),
                new("X-OpenRouter-Cache", "true"),
                new("X-OpenRouter-Cache-TTL", "300"),
                new("HTTP-Referer", "https://openclaw.ai"),
                new("X-OpenRouter-Title", "OpenClaw"),
                new("X-OpenRouter-Categories", Categories),
            ],
            headers);
    }

    [Theory]
    [InlineData(PayloadContexts.LocalProxy)]
    [InlineData(PayloadContexts.CustomProxy)]
    public void Proxies_get_bearer_auth_only(string baseUrl)
    {
        var headers = Headers(baseUrl, """{"responseCache":true,"responseCacheTtlSeconds":300}""");

        Assert.Equal([new("Authorization", "Bearer sk-or-v1-abc"), new("Accept", "application/json")], headers);
    }

    [Fact]
    public void Caller_headers_cannot_replace_attribution_but_can_replace_cache_headers()
    {
        var headers = Headers(OpenRouterBaseUrl.Canonical, """{"responseCache":true}""",
            caller: new Dictionary<string, string> { ["http-referer"] = "https://evil.example", ["X-OPENROUTER-TITLE"] = "Evil", ["x-openrouter-cache"] = "false", ["X-Trace"] = "t1" });

        Assert.Equal("https://openclaw.ai", headers["HTTP-Referer"]);
        Assert.Equal("OpenClaw", headers["X-OpenRouter-Title"]);
        Assert.Equal("false", headers["X-OpenRouter-Cache"]);
        Assert.Equal("t1", headers["X-Trace"]);
        Assert.Single(headers, pair => pair.Key.Equals("HTTP-Referer", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Configured_headers_are_lowest_precedence()
    {
        var headers = Headers(OpenRouterBaseUrl.Canonical, configured: new Dictionary<string, string> { ["X-OpenRouter-Title"] = "Configured", ["X-Team"] = "core" });

        Assert.Equal("OpenClaw", headers["X-OpenRouter-Title"]);
        Assert.Equal("core", headers["X-Team"]);
    }

    [Fact]
    public void An_embedding_application_sets_its_own_attribution()
    {
        var headers = Headers(OpenRouterBaseUrl.Canonical, attribution: new OpenRouterAttribution("https://example.app", "Example", null));

        Assert.Equal("https://example.app", headers["HTTP-Referer"]);
        Assert.Equal("Example", headers["X-OpenRouter-Title"]);
        Assert.Null(headers["X-OpenRouter-Categories"]);
    }

    [Fact]
    public void The_session_header_is_opt_in()
    {
        Assert.Null(Headers(OpenRouterBaseUrl.Canonical, sessionId: "s-1")["x-session-id"]);
        Assert.Equal("s-1", Headers(OpenRouterBaseUrl.Canonical, sessionId: "s-1", affinity: true)["x-session-id"]);
    }

    [Fact]
    public void No_obsolete_x_title_header() => Assert.Null(Headers(OpenRouterBaseUrl.Canonical)["X-Title"]);
}
