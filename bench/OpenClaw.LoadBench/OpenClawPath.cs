using System.Diagnostics;
using Microsoft.Extensions.AI;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.AI;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.LoadBench;

/// <summary>
/// The library as an application uses it: one shared <see cref="OpenRouterClient"/> (default handler, so its own
/// <see cref="SocketsHttpHandler"/>) behind an <see cref="OpenRouterChatClient"/>, a fresh message list and
/// <see cref="ChatOptions"/> per call, <see cref="IChatClient.GetStreamingResponseAsync"/> read to its closing update. The
/// request goes through the whole shaping pipeline and the answer through the accumulator and the MEAI mapping: that is the
/// overhead being measured.
/// </summary>
internal sealed class OpenClawPath : IStreamPath, IDisposable
{
    private readonly OpenRouterClient _client;
    private readonly OpenRouterChatClient _chat;
    private readonly Workload _workload;

    public OpenClawPath(Uri baseUrl, Workload workload)
    {
        var options = new OpenRouterClientOptions
        {
            BaseUrl = baseUrl.ToString(),
            ApiKey = Workload.ApiKey,
            // The capability lookup reads the emulator's catalog (once; it is cached), never the real OpenRouter.
            CapabilityCatalogUrl = new Uri(baseUrl.ToString().TrimEnd('/') + "/models"),
        };
        if (workload.Fault is { } fault)
        {
            options.Headers[Workload.FaultHeader] = fault;
        }
        _client = new OpenRouterClient(options);
        _chat = new OpenRouterChatClient(_client);
        _workload = workload;
    }

    public string Name => "OpenClaw";

    /// <summary>The request exactly as this path sends it, for the report.</summary>
    public Task<PreparedChatRequest> PrepareAsync(CancellationToken cancellationToken)
        => _chat.PrepareRequestAsync(Messages(), Options(), cancellationToken);

    public async Task<StreamOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var tally = new TextTally();
        try
        {
            var completed = false;
            ChatFinishReason? finishReason = null;
            await foreach (var update in _chat.GetStreamingResponseAsync(Messages(), Options(), cancellationToken).ConfigureAwait(false))
            {
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent text:
                            tally.AddContent(text.Text);
                            break;
                        case TextReasoningContent reasoning:
                            tally.AddReasoning(reasoning.Text);
                            break;
                        default:
                            break;
                    }
                }
                finishReason = update.FinishReason ?? finishReason;
                completed |= update.RawRepresentation is OpenRouterChatUpdate { Completed: not null };
            }
            var elapsed = Stopwatch.GetTimestamp() - started;
            return completed && finishReason is not null
                ? new StreamOutcome(elapsed, tally, null)
                : new StreamOutcome(elapsed, tally, completed ? "stream ended without finish_reason" : "stream ended without the completed update");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new StreamOutcome(Stopwatch.GetTimestamp() - started, tally, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    public void Dispose()
    {
        _chat.Dispose();
        _client.Dispose();
    }

    private List<ChatMessage> Messages() => [new ChatMessage(ChatRole.User, _workload.Prompt)];

    private ChatOptions Options() => new() { ModelId = _workload.Model };
}
