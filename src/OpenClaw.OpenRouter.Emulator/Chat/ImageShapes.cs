namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>The values of the <c>image-shape</c> fault's <c>shape</c> parameter: where a non-streamed answer puts its images.</summary>
internal static class ImageShapes
{
    /// <summary>The default: <c>message.images[]</c> with <c>image_url.url</c> data URLs.</summary>
    public const string Images = "images";

    /// <summary>Data URLs embedded (as Markdown images) in a content string.</summary>
    public const string ContentString = "content-string";

    /// <summary><c>content</c> is an array: a text part, then <c>{type:"image_url", image_url:{url}}</c> parts.</summary>
    public const string ContentParts = "content-parts";

    /// <summary><c>content</c> parts <c>{type:"b64_json", b64_json}</c>.</summary>
    public const string B64Json = "b64-json";

    /// <summary><c>content</c> parts <c>{type:"inline_data", inline_data:{data, mime_type}}</c>.</summary>
    public const string InlineData = "inline-data";

    /// <summary><c>images[]</c> whose entries name the member <c>imageUrl</c>.</summary>
    public const string ImageUrlCamel = "image-url-camel";

    /// <summary>The text only, no image anywhere.</summary>
    public const string NoImages = "no-images";

    /// <summary><c>images</c> is a string (<c>"oops"</c>).</summary>
    public const string Malformed = "malformed";

    /// <summary>The shapes the fault accepts.</summary>
    public static IReadOnlyList<string> Faulted { get; } = [ContentString, ContentParts, B64Json, InlineData, ImageUrlCamel, NoImages, Malformed];
}
