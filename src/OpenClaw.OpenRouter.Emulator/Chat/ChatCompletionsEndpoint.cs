using System.Text.Json.Nodes;
using System.Text;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Account;
using OpenClaw.OpenRouter.Emulator.Cache;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary><c>POST /chat/completions</c>, streaming and not, with the response cache and the stream faults.</summary>
internal sealed class ChatCompletionsEndpoint(EmulatorState state)
{
    private static readonly byte[] KeepAlive = ": OPENROUTER PROCESSING\n\n"u8.ToArray();
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        var body = await JsonHttp.ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }
        if (!ChatRequest.TryParse(body, state.Catalog, out var request, out var invalid))
        {
            await ErrorEnvelope.WriteAsync(context, invalid.Status, invalid.Message, invalid.Metadata).ConfigureAwait(false);
            return;
        }
        if (state.Options.StrictUpstreamRules && UpstreamRules.Check(request) is { } rejected)
        {
            await ErrorEnvelope.WriteAsync(context, rejected.Status, rejected.Message, rejected.Metadata).ConfigureAwait(false);
            return;
        }

        var apiKey = (string)context.Items[HttpItems.ApiKey]!;
        var faults = ScriptedFaults.Of(context);
        var cacheRequest = ResponseCacheRequest.From(context.Request.Headers);
        var cacheKey = cacheRequest.Enabled ? ResponseCache.Key(apiKey, request.RequestedModel, context.Request.Path, request.Stream, body) : null;
        if (cacheKey is not null)
        {
            if (cacheRequest.Clear)
            {
                state.ResponseCache.Remove(cacheKey);
            }
            else if (state.ResponseCache.TryGet(cacheKey, state.Time.GetUtcNow(), out var hit))
            {
                await ReplayAsync(context, hit, request, apiKey).ConfigureAwait(false);
                return;
            }
            context.Response.Headers["X-OpenRouter-Cache-Status"] = "MISS";
            context.Response.Headers["X-OpenRouter-Cache-TTL"] = cacheRequest.TtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var startedAt = state.Time.GetUtcNow();
        var plan = ChatPlanner.Plan(request, state, faults);
        context.Response.Headers["X-Generation-Id"] = plan.Id;

        // Everything a client can observe next (the generation record, the key's spend, the cache entry) is settled before
        // the last byte leaves, so a request sent right after this answer already sees it.
        var finished = false;
        void Finish(bool completed, IReadOnlyList<byte[]> payloads)
        {
            if (finished)
            {
                return;
            }
            finished = true;
            state.Keys.Charge(apiKey, plan.Usage.Cost);
            state.Generations.Add(apiKey, GenerationRecord.Create(plan.Id, startedAt, plan.Model, plan.Provider, "completions",
                plan.FinishReason, plan.NativeFinishReason, plan.Usage.PromptTokens, plan.Usage.CompletionTokens, plan.Usage.ReasoningTokens,
                plan.Usage.CachedTokens, plan.Images.Count, plan.Usage.Cost, request.Stream, cancelled: !completed));
            if (cacheKey is not null && completed && !faults.Any)
            {
                state.ResponseCache.Store(cacheKey, new ResponseCacheEntry(plan.Id, startedAt, cacheRequest.TtlSeconds, request.Stream, payloads));
            }
        }

        try
        {
            if (request.Stream)
            {
                await StreamAsync(context, plan, faults, Finish).ConfigureAwait(false);
            }
            else
            {
                var partial = faults.Has(FaultNames.ChoiceError200);
                var bytes = partial
                    ? ChatJsonWriter.Completion(PartialOf(plan), plan.Usage, "Provider returned error", 502)
                    : ChatJsonWriter.Completion(plan, plan.Usage);
                Finish(completed: !partial, [bytes]);
                await JsonHttp.WriteBytesAsync(context, bytes).ConfigureAwait(false);
            }
        }
        finally
        {
            Finish(completed: false, []);
        }
    }

    private static async Task StreamAsync(HttpContext context, CompletionPlan plan, ScriptedFaults faults, Action<bool, IReadOnlyList<byte[]>> finish)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.Body.WriteAsync(KeepAlive, aborted).ConfigureAwait(false);
        await response.Body.FlushAsync(aborted).ConfigureAwait(false);

        var chunks = ChatStreamChunks.Build(plan, faults);
        var slow = faults.Find(FaultNames.SlowStream);
        var breaking = faults.Find(FaultNames.MidStreamError) ?? faults.Find(FaultNames.Stall) ?? faults.Find(FaultNames.Drop) ?? faults.Find(FaultNames.MalformedJson);
        var breakAt = breaking is null ? -1 : (int)Math.Clamp(breaking.Number("after", 2), 0, chunks.Count);
        for (var i = 0; i <= chunks.Count; i++)
        {
            if (i == breakAt)
            {
                switch (breaking!.Name)
                {
                    case FaultNames.MidStreamError:
                        var code = (int)breaking.Number("code", 502);
                        finish(false, chunks);
                        await WriteEventAsync(response, ChatStreamChunks.ErrorChunk(plan, code, breaking.Text("message", ErrorEnvelope.Describe(code))), aborted).ConfigureAwait(false);
                        if (breaking.Flag("done", false))
                        {
                            await response.Body.WriteAsync(Done, aborted).ConfigureAwait(false);
                        }
                        return;
                    case FaultNames.Stall:
                        finish(false, chunks);
                        await ScriptedFaults.StallAsync(context, breaking).ConfigureAwait(false);
                        return;
                    case FaultNames.Drop:
                        finish(false, chunks);
                        await ScriptedFaults.DropConnectionAsync(context).ConfigureAwait(false);
                        return;
                    case FaultNames.MalformedJson:
                        await WriteEventAsync(response, Encoding.UTF8.GetBytes($"{{\"id\":\"{plan.Id}\",\"object\":\"chat.completion.chunk\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"tru"), aborted).ConfigureAwait(false);
                        break;
                }
            }
            if (i == chunks.Count)
            {
                break;
            }
            if (slow is not null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(slow.Number("interval-ms", 50)), aborted).ConfigureAwait(false);
                await response.Body.WriteAsync(KeepAlive, aborted).ConfigureAwait(false);
            }
            await WriteEventAsync(response, chunks[i], aborted).ConfigureAwait(false);
        }
        var completed = !faults.Has(FaultNames.NoFinish);
        finish(completed, chunks);
        if (completed)
        {
            await response.Body.WriteAsync(Done, aborted).ConfigureAwait(false);
        }
        await response.Body.FlushAsync(aborted).ConfigureAwait(false);
    }

    private async Task ReplayAsync(HttpContext context, ResponseCacheEntry hit, ChatRequest request, string apiKey)
    {
        var now = state.Time.GetUtcNow();
        var id = state.NextGenerationId();
        var age = (int)Math.Max(0, (now - hit.StoredAt).TotalSeconds);
        var headers = context.Response.Headers;
        headers["X-Generation-Id"] = id;
        headers["X-OpenRouter-Cache-Status"] = "HIT";
        headers["X-OpenRouter-Cache-TTL"] = Math.Max(1, hit.TtlSeconds - age).ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-OpenRouter-Cache-Age"] = age.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-OpenRouter-Cache-Source-Id"] = hit.SourceGenerationId;
        var payloads = hit.Payloads.Select(p => Restamp(p, id, now.ToUnixTimeSeconds())).ToList();
        state.Generations.Add(apiKey, GenerationRecord.Create(id, now, request.IsAutoRouted ? request.Row.Id : request.RequestedModel, request.Row.ProviderName,
            "completions", "stop", "stop", 0, 0, 0, 0, 0, 0m, hit.Streamed, cancelled: false));
        if (hit.Streamed)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(KeepAlive, context.RequestAborted).ConfigureAwait(false);
            foreach (var payload in payloads)
            {
                await WriteEventAsync(context.Response, payload, context.RequestAborted).ConfigureAwait(false);
            }
            await context.Response.Body.WriteAsync(Done, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await JsonHttp.WriteBytesAsync(context, payloads[0]).ConfigureAwait(false);
        }
    }

    /// <summary>A cache hit is the stored answer with a new id and time, zero token counts, and nothing billed.</summary>
    private static byte[] Restamp(byte[] payload, string id, long created)
    {
        var node = JsonNode.Parse(payload)!.AsObject();
        node["id"] = id;
        node["created"] = created;
        if (node["usage"] is JsonObject usage)
        {
            usage["prompt_tokens"] = 0;
            usage["completion_tokens"] = 0;
            usage["total_tokens"] = 0;
            usage["cost"] = 0;
        }
        return JsonHttp.Serialize(node);
    }

    /// <summary>What an answer interrupted halfway looks like: half the text, no tool calls or images.</summary>
    private static CompletionPlan PartialOf(CompletionPlan plan) => plan with
    {
        Content = plan.Content[..(plan.Content.Length / 2)],
        ToolCalls = [],
        Images = [],
        FinishReason = "error",
        NativeFinishReason = "error",
    };

    private static async Task WriteEventAsync(HttpResponse response, byte[] payload, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(DataPrefix, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
