using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Benchmarks.Shaping;

/// <summary>
/// Request shaping and serialisation of <see cref="BenchConversation"/> (40 messages, 8 tools) per model family:
/// <see cref="OpenRouterClient.PrepareChatRequestAsync"/> on the canonical route — capability lookup (in memory), thinking
/// level, params merge, every step of the request pipeline, headers, and the UTF-8 body (<see cref="PreparedChatRequest.BodyUtf8"/>,
/// serialised when the prepared request is built). Nothing is sent.
/// </summary>
[MemoryDiagnoser]
public class ShapingBenchmarks
{
    private OpenRouterClient _client = null!;
    private OpenRouterChatRequest _request = null!;

    /// <summary>The model family under test.</summary>
    [Params("anthropic/claude-sonnet-4.6", "openai/gpt-5.4", "google/gemini-3.1-pro-preview", "deepseek/deepseek-v4-pro", "moonshotai/kimi-k2.6", "openrouter/auto")]
    public string Model { get; set; } = "";

    /// <summary>Builds the client (canonical route, no network) and the request, and checks the body is the whole conversation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = "sk-or-v1-benchmark",
            Attribution = OpenRouterAttribution.OpenClaw,
            CapabilityCatalogUrl = null,
            CapabilityResolver = BenchCatalog.CreateResolver(),
            SendSessionAffinityHeaders = true,
        });
        _request = BenchConversation.Create(Model);

        var prepared = _client.PrepareChatRequestAsync(_request).GetAwaiter().GetResult();
        var messages = (prepared.Body["messages"] as JsonArray)?.Count ?? 0;
        var tools = (prepared.Body["tools"] as JsonArray)?.Count ?? 0;
        var reasoning = prepared.Body["reasoning"]?.ToJsonString() ?? "none";
        Console.WriteLine($"// {Model}: body {prepared.BodyUtf8.Length:N0} bytes, {messages} messages, {tools} tools, reasoning {reasoning}, " +
            $"{prepared.Headers.Count} headers, {prepared.Warnings.Count} warnings");
        if (messages < BenchConversation.MessageCount || tools != BenchConversation.ToolCount || !prepared.Route.IsOpenRouterEndpoint)
        {
            throw new InvalidOperationException(
                $"Self-check failed: {Model} shaped {messages} messages and {tools} tools; expected {BenchConversation.MessageCount} and {BenchConversation.ToolCount} on the canonical route.");
        }
    }

    /// <summary>Disposes the client.</summary>
    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    /// <summary>Shapes and serialises the request; returns the body length so the bytes are used.</summary>
    [Benchmark]
    public async Task<int> PrepareChatRequest()
    {
        var prepared = await _client.PrepareChatRequestAsync(_request).ConfigureAwait(false);
        return prepared.BodyUtf8.Length;
    }
}
