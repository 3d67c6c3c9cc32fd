using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Videos;

/// <summary>What is made of a downloaded video (provider spec §16): its media type, its file name, and the answers that are not a video.</summary>
internal static class VideoDownload
{
    public const string Operation = "OpenRouter generated video download failed";
    public const string DefaultMediaType = "video/mp4";

    /// <summary>The media type of the answer: its <c>Content-Type</c> without parameters, lower-cased; <c>video/mp4</c> when absent.</summary>
    public static string MediaTypeOf(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? DefaultMediaType : contentType.Trim().ToLowerInvariant();

    /// <summary><c>video-1.&lt;ext&gt;</c>: <c>mp4</c>, <c>webm</c>, <c>mov</c> for QuickTime, …; <c>mp4</c> for anything unknown.</summary>
    public static string FileNameFor(string mediaType) => "video-1." + ExtensionFor(mediaType);

    public static string ExtensionFor(string? mediaType) => mediaType?.Trim().ToLowerInvariant() switch
    {
        "video/webm" => "webm",
        "video/quicktime" => "mov",
        "video/x-matroska" => "mkv",
        "video/x-msvideo" => "avi",
        "video/mpeg" => "mpeg",
        "video/ogg" => "ogv",
        "video/3gpp" => "3gp",
        "video/3gpp2" => "3g2",
        "video/x-flv" => "flv",
        "video/mp2t" => "ts",
        "image/gif" => "gif",
        _ => "mp4",
    };

    /// <summary>Refuses answers that cannot be a video: JSON (an error or a status document), an HTML page (a sign-in or error page), nothing.</summary>
    /// <exception cref="OpenRouterMalformedResponseException"><c>OpenRouter generated video download failed: …</c></exception>
    public static void EnsureVideo(string? contentType, bool empty)
    {
        var type = contentType?.Trim().ToLowerInvariant();
        if (type is not null && (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal)))
        {
            throw new OpenRouterMalformedResponseException($"{Operation}: the answer is JSON ({type}), not a video");
        }
        if (type == "text/html")
        {
            throw new OpenRouterMalformedResponseException($"{Operation}: the answer is an HTML page (text/html), not a video");
        }
        if (empty)
        {
            throw new OpenRouterMalformedResponseException($"{Operation}: the answer is empty");
        }
    }
}
