using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Tests.Support;

/// <summary>A whole server-sent-event stream as received: the raw text, its comment lines and its <c>data:</c> payloads.</summary>
internal sealed class SseTranscript
{
    private SseTranscript(string raw)
    {
        Raw = raw;
        var events = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Comments = [.. events.Where(e => e.StartsWith(':'))];
        Data = [.. events.Where(e => e.StartsWith("data: ", StringComparison.Ordinal)).Select(e => e["data: ".Length..])];
    }

    public string Raw { get; }

    public IReadOnlyList<string> Comments { get; }

    /// <summary>Every <c>data:</c> payload, including <c>[DONE]</c>.</summary>
    public IReadOnlyList<string> Data { get; }

    public bool EndsWithDone => Data.Count > 0 && Data[^1] == "[DONE]";

    /// <summary>The JSON chunks (every payload but <c>[DONE]</c>).</summary>
    public IReadOnlyList<JsonObject> Chunks => [.. Data.Where(d => d != "[DONE]").Select(d => JsonNode.Parse(d)!.AsObject())];

    public IEnumerable<JsonObject> Deltas => Chunks.Where(c => c["choices"] is JsonArray { Count: > 0 }).Select(c => c["choices"]![0]!["delta"]!.AsObject());

    public string Content => string.Concat(Deltas.Select(d => d["content"]?.GetValue<string>() ?? ""));

    public string Reasoning(string field = "reasoning") => string.Concat(Deltas.Select(d => d[field]?.GetValue<string>() ?? ""));

    public static async Task<SseTranscript> ReadAsync(HttpResponseMessage response)
        => new(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>Reads as much of the stream as arrives before it ends or fails, and the exception it failed with.</summary>
    public static async Task<(SseTranscript Partial, Exception? Failure)> ReadUntilFailureAsync(HttpResponseMessage response, TimeSpan limit)
    {
        var text = new StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            return (new SseTranscript(text.ToString()), null);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            return (new SseTranscript(text.ToString()), exception);
        }
    }
}
