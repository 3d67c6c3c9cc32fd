using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Account;
using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Videos;

/// <summary>The asynchronous video API: submit (<c>POST /videos</c>), poll (<c>GET /videos/{id}</c>) and download
/// (<c>GET /videos/{id}/content?index=0</c>, or an unsigned URL that may live on the foreign origin).</summary>
internal sealed class VideosEndpoint(EmulatorState state)
{
    private const long DefaultOversizeBytes = 64L * 1024 * 1024;

    public async Task SubmitAsync(HttpContext context)
    {
        var body = await JsonHttp.ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }
        if (Validate(body) is { } invalid)
        {
            await ErrorEnvelope.WriteAsync(context, invalid.Status, invalid.Message).ConfigureAwait(false);
            return;
        }
        var faults = ScriptedFaults.Of(context);
        var model = JsonHttp.String(body["model"])!;
        var row = state.Catalog.Resolve(model)!;
        var duration = JsonHttp.Number(body["duration"]) ?? 4;
        var withAudio = JsonHttp.IsTrue(body["generate_audio"]);
        var perSecond = ReadSku(row, withAudio ? "video_with_audio_per_second" : "video_per_second");
        var fate = faults.Has(FaultNames.VideoFailed) ? "failed"
            : faults.Has(FaultNames.VideoExpired) ? "expired"
            : faults.Has(FaultNames.VideoCancelled) ? "cancelled"
            : faults.Find(FaultNames.VideoUnknownStatus) is { } unknown ? unknown.Text("status", "reticulating")
            : "completed";
        var job = new VideoJob
        {
            Id = state.VideoJobs.NextId(),
            ApiKey = (string)context.Items[HttpItems.ApiKey]!,
            GenerationId = state.NextGenerationId(),
            Model = row.Id,
            Cost = EmulatorJson.Money((decimal)duration * perSecond),
            Fate = fate,
            Error = fate switch
            {
                "failed" => faults.Find(FaultNames.VideoFailed)!.Text("error", "Content policy violation"),
                "expired" => "Video generation job expired",
                "cancelled" => "Video generation job was cancelled",
                _ => null,
            },
            NeverFinishes = faults.Has(FaultNames.VideoNeverFinishes),
            CompletedOnSubmit = faults.Has(FaultNames.VideoCompletedOnSubmit),
            PollsToComplete = Math.Max(1, state.Options.VideoPollsToComplete),
            ForeignUrls = faults.Has(FaultNames.VideoForeignUrls),
            RelativePollingUrl = faults.Has(FaultNames.VideoRelativePollingUrl),
            NoUnsignedUrls = faults.Has(FaultNames.VideoNoUnsignedUrls),
            BrokenContent = faults.Has(FaultNames.VideoHtmlContent) ? "html" : faults.Has(FaultNames.VideoEmptyContent) ? "empty" : null,
            WebM = faults.Has(FaultNames.VideoWebM),
            OversizeBytes = faults.Find(FaultNames.Oversize)?.Number("bytes", DefaultOversizeBytes),
        };
        if (job.ForeignUrls && state.ForeignOrigin is null)
        {
            await ErrorEnvelope.WriteAsync(context, 400, "Fault \"video-foreign-urls\" needs the emulator's foreign origin (start it with a foreign port).").ConfigureAwait(false);
            return;
        }
        state.VideoJobs.Add(job);
        await JsonHttp.WriteAsync(context, StatusBody(context, job, job.StatusAfterSubmit), StatusCodes.Status202Accepted).ConfigureAwait(false);
    }

    public Task StatusAsync(HttpContext context, string jobId)
    {
        var job = FindOwned(context, jobId);
        return job is null
            ? ErrorEnvelope.WriteAsync(context, 404, $"Video job {jobId} not found")
            : JsonHttp.WriteAsync(context, StatusBody(context, job, job.Poll()));
    }

    public Task ContentAsync(HttpContext context, string jobId)
    {
        var job = FindOwned(context, jobId);
        if (job is null)
        {
            return ErrorEnvelope.WriteAsync(context, 404, $"Video job {jobId} not found");
        }
        var index = context.Request.Query["index"].ToString();
        if (index.Length > 0 && index != "0")
        {
            return ErrorEnvelope.WriteAsync(context, 404, $"Video job {jobId} has no output at index {index}");
        }
        return ServeAsync(context, job);
    }

    /// <summary>An unsigned URL on the foreign origin: no credentials needed, as with external storage.</summary>
    public Task ForeignContentAsync(HttpContext context, string jobId)
    {
        var job = state.VideoJobs.Find(jobId);
        return job is null ? ErrorEnvelope.WriteAsync(context, 404, "Not Found") : ServeAsync(context, job);
    }

    private async Task ServeAsync(HttpContext context, VideoJob job)
    {
        if (job.CurrentStatus != "completed")
        {
            await ErrorEnvelope.WriteAsync(context, 409, $"Video job {job.Id} is {job.CurrentStatus}, not completed").ConfigureAwait(false);
            return;
        }
        var response = context.Response;
        switch (job.BrokenContent)
        {
            case "html":
                var html = "<!doctype html><html><body><h1>Sign in to continue</h1></body></html>"u8.ToArray();
                response.ContentType = "text/html; charset=utf-8";
                response.ContentLength = html.Length;
                await response.Body.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
                return;
            case "empty":
                response.ContentType = SampleVideo.Mp4ContentType;
                response.ContentLength = 0;
                return;
        }
        var video = job.WebM ? SampleVideo.WebM() : SampleVideo.Mp4();
        response.ContentType = job.WebM ? SampleVideo.WebMContentType : SampleVideo.Mp4ContentType;
        var oversize = ScriptedFaults.Of(context).Find(FaultNames.Oversize)?.Number("bytes", DefaultOversizeBytes) ?? job.OversizeBytes;
        if (oversize is not { } total || total <= video.Length)
        {
            response.ContentLength = video.Length;
            await response.Body.WriteAsync(video, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        // A real clip followed by padding, generated as it is sent so the emulator itself stays small.
        response.ContentLength = total;
        await response.Body.WriteAsync(video, context.RequestAborted).ConfigureAwait(false);
        var padding = new byte[64 * 1024];
        for (var left = total - video.Length; left > 0; left -= padding.Length)
        {
            await response.Body.WriteAsync(padding.AsMemory(0, (int)Math.Min(padding.Length, left)), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private VideoJob? FindOwned(HttpContext context, string jobId)
    {
        var job = state.VideoJobs.Find(jobId);
        return job is not null && job.ApiKey == (string)context.Items[HttpItems.ApiKey]! ? job : null;
    }

    private JsonObject StatusBody(HttpContext context, VideoJob job, string status)
    {
        var origin = ApiOrigin(context);
        var pollingPath = $"/api/v1/videos/{Uri.EscapeDataString(job.Id)}";
        var body = new JsonObject
        {
            ["id"] = job.Id,
            ["polling_url"] = job.RelativePollingUrl ? pollingPath : origin + pollingPath,
            ["status"] = status,
            ["generation_id"] = job.GenerationId,
            ["model"] = job.Model,
        };
        if (status == "completed")
        {
            if (!job.NoUnsignedUrls)
            {
                var extension = job.WebM ? "webm" : "mp4";
                body["unsigned_urls"] = new JsonArray(job.ForeignUrls
                    ? $"{state.ForeignOrigin}/media/videos/{Uri.EscapeDataString(job.Id)}/0.{extension}"
                    : $"{origin}{pollingPath}/content?index=0");
            }
            body["usage"] = new JsonObject { ["cost"] = job.Cost, ["is_byok"] = false };
            Charge(job);
        }
        else if (job.Error is not null && status == job.Fate)
        {
            body["error"] = job.Error;
        }
        return body;
    }

    /// <summary>
    /// The origin clients called the API on, for absolute polling and download URLs: the emulator's own, or — when a proxy (or a
    /// test handler that lands <c>https://openrouter.ai/api/v1</c> on the emulator) says so with <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-Host</c> — the public one, so the URLs stay on the caller's origin as OpenRouter's stay on
    /// <c>https://openrouter.ai</c>.
    /// </summary>
    private string ApiOrigin(HttpContext context)
    {
        var proto = FirstValue(context.Request.Headers["X-Forwarded-Proto"].ToString());
        var host = FirstValue(context.Request.Headers["X-Forwarded-Host"].ToString());
        if (proto is "http" or "https" && host.Length > 0
            && Uri.TryCreate($"{proto}://{host}", UriKind.Absolute, out var forwarded) && forwarded.PathAndQuery == "/" && forwarded.UserInfo.Length == 0)
        {
            return forwarded.GetLeftPart(UriPartial.Authority);
        }
        return state.Origin;
    }

    private static string FirstValue(string header)
    {
        var comma = header.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? header : header[..comma]).Trim();
    }

    private void Charge(VideoJob job)
    {
        if (state.Generations.Find(job.ApiKey, job.GenerationId) is not null)
        {
            return;
        }
        state.Keys.Charge(job.ApiKey, job.Cost);
        var row = state.Catalog.Resolve(job.Model);
        state.Generations.Add(job.ApiKey, GenerationRecord.Create(job.GenerationId, state.Time.GetUtcNow(), job.Model, row?.ProviderName ?? "Emulator",
            "videos", "stop", "stop", 0, 0, 0, 0, 1, job.Cost, streamed: false, cancelled: false));
    }

    private EmulatorError? Validate(JsonObject body)
    {
        if (JsonHttp.String(body["model"]) is not { Length: > 0 } model)
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"model\" is required.");
        }
        if (state.Catalog.Resolve(model) is not { } row)
        {
            return EmulatorError.BadRequest($"{model} is not a valid model ID");
        }
        if (row.Video is not { } capabilities)
        {
            return new EmulatorError(404, $"No endpoints found that support video generation for {model}.");
        }
        if (JsonHttp.String(body["prompt"]) is not { Length: > 0 })
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"prompt\" is required.");
        }
        if (body["duration"] is { } duration)
        {
            var supported = Strings(capabilities["supported_durations"]);
            if (duration.GetValueKind() != JsonValueKind.Number || !supported.Contains(duration.ToJsonString()))
            {
                return EmulatorError.BadRequest($"duration {duration.ToJsonString()} is not supported by {row.Id}. Supported durations: {string.Join(", ", supported)}");
            }
        }
        foreach (var (field, list) in (ReadOnlySpan<(string, string)>)[("resolution", "supported_resolutions"), ("aspect_ratio", "supported_aspect_ratios"), ("size", "supported_sizes")])
        {
            if (body[field] is not { } value)
            {
                continue;
            }
            var supported = Strings(capabilities[list]);
            if (JsonHttp.String(value) is not { } text || !supported.Contains(text))
            {
                return EmulatorError.BadRequest($"{field} {value.ToJsonString()} is not supported by {row.Id}. Supported values: {string.Join(", ", supported)}");
            }
        }
        if (body["generate_audio"] is { } audio && audio.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"generate_audio\" must be a boolean.");
        }
        if (body["seed"] is { } seed && (seed.GetValueKind() != JsonValueKind.Number || !seed.AsValue().TryGetValue<long>(out _)))
        {
            return EmulatorError.BadRequest("Invalid request parameters: \"seed\" must be an integer.");
        }
        if (body["frame_images"] is { } frames && (frames is not JsonArray frameList || frameList.Count > 2 || frameList.Any(f =>
            JsonHttp.String(f.Prop("image_url").Prop("url")) is not { Length: > 0 } || JsonHttp.String(f.Prop("frame_type")) is not ("first_frame" or "last_frame"))))
        {
            return EmulatorError.BadRequest("Invalid request parameters: frame_images must be at most two {type:\"image_url\", image_url:{url}, frame_type:\"first_frame\"|\"last_frame\"} items.");
        }
        if (body["input_references"] is { } references)
        {
            if (references is not JsonArray referenceList || referenceList.Any(r => r is not JsonObject))
            {
                return EmulatorError.BadRequest("Invalid request parameters: input_references must be an array of {type:\"image_url\", image_url:{url}}.");
            }
            if (referenceList.Any(r => JsonHttp.String(r.Prop("type")) == "video_url" || r.Prop("video_url") is not null))
            {
                return EmulatorError.BadRequest($"{row.Id} does not accept video references: video-to-video is not supported.");
            }
            if (referenceList.Any(r => JsonHttp.String(r.Prop("image_url").Prop("url")) is not { Length: > 0 }))
            {
                return EmulatorError.BadRequest("Invalid request parameters: input_references must be an array of {type:\"image_url\", image_url:{url}}.");
            }
        }
        return null;
    }

    private static List<string> Strings(JsonNode? node)
        => node is JsonArray array ? [.. array.Select(item => item is null ? "" : item.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString())] : [];

    private static decimal ReadSku(ModelRow row, string sku)
        => decimal.TryParse(JsonHttp.String(row.Video.Prop("pricing_skus")?[sku]), NumberStyles.Float, CultureInfo.InvariantCulture, out var price) ? price : 0m;
}
