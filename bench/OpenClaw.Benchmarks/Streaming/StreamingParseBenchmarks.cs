using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.Benchmarks.Streaming;

/// <summary>
/// The same recorded OpenRouter stream (<see cref="StreamRecording"/>, <see cref="StreamRecording.ChunkCount"/> chunks) read
/// three ways, plus OpenClaw's native updates to split its figure. <c>OperationsPerInvoke</c> is the chunk count, so Mean and Allocated read per chunk.
/// </summary>
/// <remarks>
/// Both MEAI paths make a whole call: the request is built and sent through the client's HTTP stack to an in-memory
/// <see cref="RecordedStreamHandler"/>, the body is parsed into <see cref="ChatResponseUpdate"/>s and every update is consumed.
/// The baseline reads the same bytes from a <see cref="MemoryStream"/> with no client at all. <see cref="Setup"/> runs each
/// path once and throws unless each saw the whole stream, so no benchmark can measure an empty loop.
/// </remarks>
[MemoryDiagnoser]
public class StreamingParseBenchmarks
{
    private static readonly ChatMessage[] Messages =
    [
        new(ChatRole.System, "You are OpenClaw, a coding agent."),
        new(ChatRole.User, "Make the stream reader allocate less, then show me the diff."),
    ];

    private static readonly OpenRouterChatRequest NativeRequest = new()
    {
        Model = StreamRecording.Model,
        Messages = [OpenRouterMessage.System("You are OpenClaw, a coding agent."), OpenRouterMessage.User("Make the stream reader allocate less, then show me the diff.")],
    };

    private Recording _recording = null!;
    private RecordedStreamHandler _openRouterHandler = null!;
    private RecordedStreamHandler _openAiHandler = null!;
    private OpenRouterClient _openRouter = null!;
    private IChatClient _openClaw = null!;
    private HttpClient _openAiHttp = null!;
    private IChatClient _openAi = null!;

    /// <summary>What the OpenAI SDK path saw in the self-check (it drops what it has no field for).</summary>
    public StreamTally OpenAiSdkSaw { get; private set; }

    /// <summary>Builds the recording and both clients, then checks every path sees the whole stream.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _recording = StreamRecording.Create();

        _openRouterHandler = new RecordedStreamHandler(_recording.Bytes);
        _openRouter = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = "sk-or-v1-benchmark",
            Attribution = OpenRouterAttribution.OpenClaw,
            Handler = _openRouterHandler,
            CapabilityCatalogUrl = null,
            CapabilityResolver = BenchCatalog.CreateResolver(),
        });
        _openClaw = new OpenRouterChatClient(_openRouter, StreamRecording.Model);

        _openAiHandler = new RecordedStreamHandler(_recording.Bytes);
        _openAiHttp = new HttpClient(_openAiHandler);
        _openAi = new OpenAIClient(new ApiKeyCredential("sk-or-v1-benchmark"), new OpenAIClientOptions
        {
            Endpoint = OpenRouterClientOptions.CanonicalBaseUrl,
            Transport = new HttpClientPipelineTransport(_openAiHttp),
        }).GetChatClient(StreamRecording.Model).AsIChatClient();

        SelfCheck();
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _openClaw.Dispose();
        _openRouter.Dispose();
        _openAi.Dispose();
        _openAiHttp.Dispose();
        _openRouterHandler.Dispose();
        _openAiHandler.Dispose();
    }

    /// <summary>The floor: <see cref="System.Net.ServerSentEvents.SseParser"/> + <see cref="System.Text.Json.Utf8JsonReader"/>, no object model.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = StreamRecording.ChunkCount)]
    public Task<StreamTally> Baseline_SseParser_Utf8JsonReader() =>
        BaselineParser.ParseAsync(new MemoryStream(_recording.Bytes, writable: false));

    /// <summary>OpenClaw: <see cref="OpenRouterChatClient.GetStreamingResponseAsync"/>, every update consumed.</summary>
    [Benchmark(OperationsPerInvoke = StreamRecording.ChunkCount)]
    public Task<StreamTally> OpenClaw_ChatResponseUpdates() =>
        UpdateTally.ConsumeAsync(_openClaw.GetStreamingResponseAsync(Messages));

    /// <summary>
    /// OpenClaw's own stream (<see cref="OpenRouterClient.StreamChatAsync"/>, <see cref="OpenRouterChatUpdate"/>s before the MEAI
    /// mapping): not a target, it splits the OpenClaw figure into parsing and mapping.
    /// </summary>
    [Benchmark(OperationsPerInvoke = StreamRecording.ChunkCount)]
    public async Task<StreamTally> OpenClaw_NativeUpdates()
    {
        var total = default(StreamTally);
        await foreach (var update in _openRouter.StreamChatAsync(NativeRequest).ConfigureAwait(false))
        {
            total += new StreamTally(update.Text?.Length ?? 0, update.Thinking?.Text.Length ?? 0, update.ToolCalls?.Count ?? 0);
        }
        return total;
    }

    /// <summary>The official OpenAI .NET SDK through <c>Microsoft.Extensions.AI.OpenAI</c>, every update consumed.</summary>
    [Benchmark(OperationsPerInvoke = StreamRecording.ChunkCount)]
    public Task<StreamTally> OpenAiSdk_ChatResponseUpdates() =>
        UpdateTally.ConsumeAsync(_openAi.GetStreamingResponseAsync(Messages));

    private void SelfCheck()
    {
        var expected = _recording.Expected;
        var baseline = Baseline_SseParser_Utf8JsonReader().GetAwaiter().GetResult();
        var openClaw = OpenClaw_ChatResponseUpdates().GetAwaiter().GetResult();
        var native = OpenClaw_NativeUpdates().GetAwaiter().GetResult();
        OpenAiSdkSaw = OpenAiSdk_ChatResponseUpdates().GetAwaiter().GetResult();

        Console.WriteLine($"// Recording: {_recording.Bytes.Length:N0} bytes, {_recording.ChunkCount} chunks; expected {expected}");
        Console.WriteLine($"// Baseline saw:   {baseline}");
        Console.WriteLine($"// OpenClaw saw:   {openClaw}");
        Console.WriteLine($"// OpenClaw native updates saw: {native}");
        Console.WriteLine($"// OpenAI SDK saw: {OpenAiSdkSaw}");

        Require(baseline == expected, $"The baseline saw {baseline}, expected {expected}.");
        Require(openClaw == expected, $"OpenClaw saw {openClaw}, expected {expected}.");
        Require(native == expected, $"OpenClaw's native stream saw {native}, expected {expected}.");
        // The OpenAI SDK has no field for OpenRouter's `reasoning`: its reasoning count is reported, not required.
        Require(OpenAiSdkSaw.ContentChars == expected.ContentChars && OpenAiSdkSaw.ToolCalls == expected.ToolCalls,
            $"The OpenAI SDK saw {OpenAiSdkSaw}, expected {expected} (reasoning aside).");
        Require(_openRouterHandler.Calls == 2 && _openAiHandler.Calls == 1, "Each path should have sent exactly one request.");

        // What each client made of the whole answer, so differences show in the log (not required to match).
        Console.WriteLine("// OpenClaw response:   " + ResponseSummary.Describe(_openClaw.GetStreamingResponseAsync(Messages).ToChatResponseAsync().GetAwaiter().GetResult()));
        Console.WriteLine("// OpenAI SDK response: " + ResponseSummary.Describe(_openAi.GetStreamingResponseAsync(Messages).ToChatResponseAsync().GetAwaiter().GetResult()));
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Self-check failed: " + message);
        }
    }
}
