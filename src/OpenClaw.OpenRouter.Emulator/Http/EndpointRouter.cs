using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Account;
using OpenClaw.OpenRouter.Emulator.Admin;
using OpenClaw.OpenRouter.Emulator.Catalog;
using OpenClaw.OpenRouter.Emulator.Chat;
using OpenClaw.OpenRouter.Emulator.Images;
using OpenClaw.OpenRouter.Emulator.Speech;
using OpenClaw.OpenRouter.Emulator.Videos;

namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>Maps a method and path to its endpoint. Plain string matching: a dozen routes need no routing framework,
/// and the emulator starts faster without one.</summary>
internal sealed class EndpointRouter(EmulatorState state)
{
    public const string ApiPrefix = "/api/v1";
    private const string VideosPrefix = "/videos/";
    private const string ForeignVideosPrefix = "/media/videos/";

    private readonly ChatCompletionsEndpoint _chat = new(state);
    private readonly CatalogEndpoints _catalog = new(state);
    private readonly AccountEndpoints _account = new(state);
    private readonly ImagesEndpoint _images = new(state);
    private readonly VideosEndpoint _videos = new(state);
    private readonly SpeechEndpoint _speech = new(state);
    private readonly AdminEndpoints _admin = new(state);

    /// <summary>Routes a path below <see cref="ApiPrefix"/> (given without the prefix and trailing slash).</summary>
    public Task ApiAsync(HttpContext context, string route)
    {
        var method = context.Request.Method;
        var get = HttpMethods.IsGet(method);
        var post = HttpMethods.IsPost(method);
        switch (route)
        {
            case "/chat/completions" when post:
                return _chat.HandleAsync(context);
            case "/models" when get:
                return _catalog.ModelsAsync(context);
            case "/videos/models" when get:
                return _catalog.VideoModelsAsync(context);
            case "/images/models" when get:
                return _catalog.ImageModelsAsync(context);
            case "/images" when post:
                return _images.HandleAsync(context);
            case "/videos" when post:
                return _videos.SubmitAsync(context);
            case "/audio/speech" when post:
                return _speech.HandleAsync(context);
            case "/key" when get:
                return _account.KeyAsync(context);
            case "/credits" when get:
                return _account.CreditsAsync(context);
            case "/generation" when get:
                return _account.GenerationAsync(context);
            case "/chat/completions" or "/models" or "/videos" or "/images" or "/audio/speech" or "/key" or "/credits" or "/generation":
                return ErrorEnvelope.WriteAsync(context, 405, $"Method {method} is not allowed for {ApiPrefix}{route}");
        }
        if (route.StartsWith(VideosPrefix, StringComparison.Ordinal) && get)
        {
            var rest = route[VideosPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                return _videos.StatusAsync(context, Uri.UnescapeDataString(rest));
            }
            if (rest[(slash + 1)..] == "content")
            {
                return _videos.ContentAsync(context, Uri.UnescapeDataString(rest[..slash]));
            }
        }
        return ErrorEnvelope.WriteAsync(context, 404, $"Not Found: {ApiPrefix}{route}");
    }

    /// <summary>Routes a request that arrived on the foreign origin: only unsigned video URLs live there.</summary>
    public Task ForeignAsync(HttpContext context, string path)
    {
        if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith(ForeignVideosPrefix, StringComparison.Ordinal))
        {
            var rest = path[ForeignVideosPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && rest[(slash + 1)..] is "0.mp4" or "0.webm")
            {
                return _videos.ForeignContentAsync(context, Uri.UnescapeDataString(rest[..slash]));
            }
        }
        return ErrorEnvelope.WriteAsync(context, 404, "Not Found");
    }

    public Task AdminAsync(HttpContext context, string path) => _admin.HandleAsync(context, path);

    /// <summary>Whether the endpoint applies stream faults itself (a streaming chat completion).</summary>
    public static bool StreamsItself(string method, string route, RequestBody body)
        => HttpMethods.IsPost(method) && route == "/chat/completions" && JsonHttp.IsTrue(body.Json.Prop("stream"));

    /// <summary>Whether <c>oversize</c> means "a video download that large" here (a submit or a download) rather than
    /// "pad the JSON body with that much white space".</summary>
    public static bool OwnsOversize(string method, string route)
        => (HttpMethods.IsPost(method) && route == "/videos")
            || (route.StartsWith(VideosPrefix, StringComparison.Ordinal) && route.EndsWith("/content", StringComparison.Ordinal));

    /// <summary>Calls that spend credits, refused for keys that are out of credits or over their limit.</summary>
    public static bool IsInference(string method, string route)
        => HttpMethods.IsPost(method) && route is "/chat/completions" or "/images" or "/videos" or "/audio/speech";
}
