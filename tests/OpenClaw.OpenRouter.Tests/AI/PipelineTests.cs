using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.AI;

/// <summary>The client composes with MEAI's stock middleware: function invocation, OpenTelemetry, logging and a distributed cache.</summary>
public sealed class PipelineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Function_invocation_telemetry_logging_and_a_wire_keyed_cache_work_in_one_pipeline()
    {
        var sourceName = "OpenClaw.Tests.Meai." + Guid.NewGuid().ToString("N");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = await ClientHarness.StartAsync();
        var cache = new InMemoryDistributedCache();
        var calls = 0;
        var weather = AIFunctionFactory.Create((string city) =>
        {
            Interlocked.Increment(ref calls);
            return $"Sunny in {city}";
        }, "get_weather", "Gets the weather for a city");
        using var chat = new ChatClientBuilder(new OpenRouterChatClient(harness.Client, "openai/gpt-5.5"))
            .UseFunctionInvocation()
            .UseOpenTelemetry(sourceName: sourceName)
            .UseLogging(NullLoggerFactory.Instance)
            // Innermost, so each model call of the tool loop is cached under its own wire request.
            .Use(inner => new OpenRouterDistributedCachingChatClient(inner, cache))
            .Build();
        var options = new ChatOptions { Tools = [weather] };

        var first = await chat.GetResponseAsync("Weather in Rome? Use get_weather.", options, Token);
        var second = await chat.GetStreamingResponseAsync("Weather in Rome? Use get_weather.", options, Token).ToChatResponseAsync(Token);
        var third = await chat.GetStreamingResponseAsync("Weather in Rome? Use get_weather.", options, Token).ToChatResponseAsync(Token);

        Assert.Contains("Tool get_weather returned: Sunny in Weather in Rome? Use get_weather.", first.Text, StringComparison.Ordinal);
        Assert.Contains("Tool get_weather returned: Sunny in Weather in Rome? Use get_weather.", second.Text, StringComparison.Ordinal);
        Assert.Contains("Tool get_weather returned: Sunny in Weather in Rome? Use get_weather.", third.Text, StringComparison.Ordinal);
        Assert.Equal(3, calls);
        // Two model calls per loop; the streamed repeat is answered by the cache (streamed entries are kept apart from whole ones).
        Assert.Equal(4, harness.ChatRequests.Count);
        Assert.Equal(2, cache.Hits);
        Assert.Same(harness.Client, chat.GetService<OpenRouterClient>());
        Assert.Equal("openrouter", chat.GetService<ChatClientMetadata>()?.ProviderName);

        var chats = activities.Where(activity => activity.OperationName.StartsWith("chat", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, chats.Count);
        Assert.All(chats, activity => Assert.Equal("openrouter", activity.GetTagItem("gen_ai.provider.name")));
        Assert.Contains(chats, activity => "openai/gpt-5.5".Equals(activity.GetTagItem("gen_ai.response.model")));
        Assert.Contains(chats, activity => activity.GetTagItem("gen_ai.usage.input_tokens") is int or long);
    }
}
