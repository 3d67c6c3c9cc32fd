using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace OpenClaw.LoadBench;

/// <summary>
/// The baseline: what a hand-written client does with the bare framework. One shared <see cref="HttpClient"/> with the same
/// handler settings as <c>OpenRouterClient</c>'s default (<see cref="SocketsHttpHandler"/>, 5-minute pooled connection lifetime,
/// no <see cref="HttpClient.Timeout"/>), the minimal body, <see cref="SseParser"/> and one <see cref="System.Text.Json.Utf8JsonReader"/>
/// pass per event.
/// </summary>
internal sealed class BaselinePath : IStreamPath, IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly Workload _workload;
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", Workload.ApiKey);

    public BaselinePath(Uri baseUrl, Workload workload)
    {
        _http = new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _endpoint = new Uri(baseUrl.ToString().TrimEnd('/') + "/chat/completions");
        _workload = workload;
    }

    public string Name => "baseline";

    /// <summary>The client the report also uses to capture whole streams (outside any measurement).</summary>
    public HttpClient Http => _http;

    /// <summary>The handler <c>OpenRouterTransport</c> creates when no handler is configured.</summary>
    public static SocketsHttpHandler CreateHandler() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    public async Task<StreamOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var tally = new TextTally();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(_workload.BaselineBody()) };
            request.Content.Headers.ContentType = Json;
            request.Headers.Authorization = _authorization;
            if (_workload.Fault is { } fault)
            {
                request.Headers.TryAddWithoutValidation(Workload.FaultHeader, fault);
            }
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new StreamOutcome(Stopwatch.GetTimestamp() - started, tally, $"HTTP {(int)response.StatusCode}");
            }
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var finished = false;
                var done = false;
                await foreach (var item in SseParser.Create(body, static (_, data) => BaselineChunk.Parse(data)).EnumerateAsync(cancellationToken).ConfigureAwait(false))
                {
                    var chunk = item.Data;
                    if (chunk.Done)
                    {
                        done = true;
                        break;
                    }
                    if (chunk.Error)
                    {
                        return new StreamOutcome(Stopwatch.GetTimestamp() - started, tally, "in-band error chunk");
                    }
                    tally.AddReasoning(chunk.Reasoning);
                    tally.AddContent(chunk.Content);
                    finished |= chunk.Finished;
                }
                var elapsed = Stopwatch.GetTimestamp() - started;
                return finished && done
                    ? new StreamOutcome(elapsed, tally, null)
                    : new StreamOutcome(elapsed, tally, finished ? "stream ended without [DONE]" : "stream ended without finish_reason");
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new StreamOutcome(Stopwatch.GetTimestamp() - started, tally, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}
