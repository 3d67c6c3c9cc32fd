using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>One part of a multi-part message content: text, an image, a video, audio, or any raw part OpenRouter accepts.</summary>
public sealed class OpenRouterContentPart
{
    private readonly JsonObject _json;

    private OpenRouterContentPart(JsonObject json) => _json = json;

    /// <summary>The part's <c>type</c>.</summary>
    public string Type => _json["type"]?.GetValue<string>() ?? "";

    /// <summary>The text of a <c>text</c> part.</summary>
    public string? Text => Type == "text" && _json["text"] is JsonValue text && text.TryGetValue(out string? value) ? value : null;

    /// <summary>A <c>{type:"text", text}</c> part.</summary>
    public static OpenRouterContentPart FromText(string text) => new(new JsonObject { ["type"] = "text", ["text"] = text });

    /// <summary>An <c>image_url</c> part; <paramref name="url"/> is https or a <c>data:image/…;base64,</c> URL.</summary>
    public static OpenRouterContentPart FromImageUrl(string url, string? detail = null)
    {
        var image = new JsonObject { ["url"] = url };
        if (detail is not null)
        {
            image["detail"] = detail;
        }
        return new(new JsonObject { ["type"] = "image_url", ["image_url"] = image });
    }

    /// <summary>A <c>video_url</c> part.</summary>
    public static OpenRouterContentPart FromVideoUrl(string url) =>
        new(new JsonObject { ["type"] = "video_url", ["video_url"] = new JsonObject { ["url"] = url } });

    /// <summary>An <c>input_audio</c> part (raw base64 data and its format, e.g. <c>wav</c>).</summary>
    public static OpenRouterContentPart FromInputAudio(string base64Data, string format) =>
        new(new JsonObject { ["type"] = "input_audio", ["input_audio"] = new JsonObject { ["data"] = base64Data, ["format"] = format } });

    /// <summary>Any part, as raw JSON (cloned).</summary>
    public static OpenRouterContentPart FromJson(JsonObject part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new((JsonObject)part.DeepClone());
    }

    /// <summary>The wire JSON of the part (a fresh copy).</summary>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();
}
