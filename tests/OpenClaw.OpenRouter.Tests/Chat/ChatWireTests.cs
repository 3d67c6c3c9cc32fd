using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Chat;

/// <summary>What the emulator receives for each route (spec §4.3): headers and body, byte for byte where the spec gives values.</summary>
public sealed class ChatWireTests
{
    private const string Categories = "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent";

    private static readonly OpenRouterTool ReadTool = new("read", "Read a file", JsonNode.Parse("""{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}""")!.AsObject());

    private static void ConfigureParams(OpenRouterClientOptions options)
    {
        options.ProviderParams = JsonNode.Parse("""{"temperature":0.2,"maxTokens":1234,"extraBody":{"user":"u-42"},"responseCache":true,"responseCacheTtlSeconds":300,"provider":{"sort":"latency"}}""")!.AsObject();
        options.ModelParams["openrouter/openai/gpt-5.5"] = JsonNode.Parse("""{"provider":{"order":["openai"],"allow_fallbacks":false}}""")!.AsObject();
    }

    private static OpenRouterChatRequest GptRequest() => new()
    {
        Model = "openrouter/openai/gpt-5.5",
        Messages = [OpenRouterMessage.System("You are terse."), OpenRouterMessage.User("hi")],
        Tools = [ReadTool],
        Thinking = ThinkingLevel.High,
    };

    [Theory]
    [InlineData(TestRoute.Canonical, true, true, false)]
    [InlineData(TestRoute.OtherOpenRouterHost, true, false, false)]
    [InlineData(TestRoute.Local, false, false, true)]
    [InlineData(TestRoute.Custom, false, false, false)]
    public async Task Each_route_gets_exactly_the_headers_and_body_fields_the_spec_assigns_it(TestRoute route, bool openRouterHeaders, bool provider, bool streamOptions)
    {
        await using var harness = await ClientHarness.StartAsync(route, ConfigureParams);

        await foreach (var _ in harness.Client.StreamChatAsync(GptRequest(), TestContext.Current.CancellationToken))
        {
        }

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal("Bearer sk-or-v1-emulator", sent.Header("Authorization"));
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Equal(openRouterHeaders ? "https://openclaw.ai" : null, sent.Header("HTTP-Referer"));
        Assert.Equal(openRouterHeaders ? "OpenClaw" : null, sent.Header("X-OpenRouter-Title"));
        Assert.Equal(openRouterHeaders ? Categories : null, sent.Header("X-OpenRouter-Categories"));
        Assert.Equal(openRouterHeaders ? "true" : null, sent.Header("X-OpenRouter-Cache"));
        Assert.Equal(openRouterHeaders ? "300" : null, sent.Header("X-OpenRouter-Cache-TTL"));
        Assert.Null(sent.Header("X-Title"));
        var expected =
            """{"model":"openai/gpt-5.5","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"hi"}],"stream":true,"""
            + (streamOptions ? "\"stream_options\":{\"include_usage\":true}," : "")
            + "\"temperature\":0.2,"
            + """ "tools":[{"type":"function","function":{"name":"read","description":"Read a file","parameters":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}}}],"""[1..]
            + """ "tool_choice":"auto","max_completion_tokens":1234,"reasoning":{"effort":"high"},"""[1..]
            + (provider ? "\"provider\":{\"sort\":\"latency\",\"order\":[\"openai\"],\"allow_fallbacks\":false}," : "")
            + "\"user\":\"u-42\"}";
        Assert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task An_explicit_unsupported_thinking_level_sends_nothing()
    {
        await using var harness = await ClientHarness.StartAsync();
        var request = new OpenRouterChatRequest { Model = "openrouter/auto", Messages = [OpenRouterMessage.User("hi")], Thinking = ThinkingLevel.High };

        var error = await Assert.ThrowsAsync<ThinkingLevelNotSupportedException>(() => harness.Client.CompleteChatAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal("Thinking level \"high\" is not supported for openrouter/openrouter/auto. Use one of: off.", error.Message);
        Assert.Empty(harness.ChatRequests);
    }

    [Fact]
    public async Task The_router_on_the_canonical_base_gets_its_bundled_row_no_reasoning_and_8192_tokens()
    {
        await using var harness = await ClientHarness.StartAsync();

        var result = await harness.Client.CompleteChatAsync(new OpenRouterChatRequest { Model = "openrouter/auto", Messages = [OpenRouterMessage.User("hi")] }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"model":"openrouter/auto","messages":[{"role":"user","content":"hi"}],"stream":false,"max_completion_tokens":8192}""", Assert.Single(harness.ChatRequests).BodyText);
        Assert.Equal("openai/gpt-5.5", result.Model);
    }
}
