namespace OpenClaw.OpenRouter.Emulator;

/// <summary>The names of the faults the emulator can script, as used in the <c>X-Emulator-Fault</c> header,
/// the <c>/__emulator/faults</c> endpoint and <see cref="FaultDirective"/>.</summary>
public static class FaultNames
{
    /// <summary>429 with <c>Retry-After</c> (parameter <c>retry-after</c>, seconds, default 1) and OpenRouter's rate-limit headers;
    /// with <c>upstream=true</c> the body is the wrapped <c>Provider returned error</c> form.</summary>
    public const string RateLimit = "rate-limit";

    /// <summary>500 <c>Internal Server Error</c>.</summary>
    public const string ServerError = "server-error";

    /// <summary>502 <c>Provider returned error</c> with <c>metadata.provider_name</c> and <c>metadata.raw</c>.</summary>
    public const string BadGateway = "bad-gateway";

    /// <summary>503 <c>Service temporarily unavailable</c> (optional <c>retry-after</c>).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Any status: parameters <c>code</c> (required) and <c>message</c>.</summary>
    public const string Status = "status";

    /// <summary>HTTP 200 whose body is an error envelope.</summary>
    public const string ErrorBody200 = "error-body-200";

    /// <summary>Non-streaming chat: HTTP 200 with partial output, <c>finish_reason:"error"</c> and <c>choices[0].error</c>.</summary>
    public const string ChoiceError200 = "choice-error-200";

    /// <summary>Streaming chat: after <c>after</c> chunks (default 2) an error chunk with <c>finish_reason:"error"</c>
    /// (parameters <c>code</c>, default 502, and <c>done</c>: whether <c>[DONE]</c> follows, default false).</summary>
    public const string MidStreamError = "mid-stream-error";

    /// <summary>Send the headers (and <c>after</c> chunks of a stream, or half of a body), then nothing for <c>ms</c>
    /// milliseconds (default 600000) or until the client goes away.</summary>
    public const string Stall = "stall";

    /// <summary>Close the connection abruptly after <c>after</c> chunks of a stream (default 2), or half of a body.</summary>
    public const string Drop = "drop";

    /// <summary>Wait <c>ms</c> milliseconds (default 2000) before sending anything.</summary>
    public const string SlowFirstByte = "slow-first-byte";

    /// <summary>Streaming chat: <c>: OPENROUTER PROCESSING</c> comments and a pause of <c>interval-ms</c> (default 50) between chunks.</summary>
    public const string SlowStream = "slow-stream";

    /// <summary>A body (or one stream event) that is not valid JSON.</summary>
    public const string MalformedJson = "malformed-json";

    /// <summary>Chat: the answer is cut off with <c>finish_reason:"length"</c>.</summary>
    public const string Length = "length";

    /// <summary>Streaming chat: the last chunk's <c>finish_reason</c> is <c>null</c>, then <c>[DONE]</c>.</summary>
    public const string NullFinish = "null-finish";

    /// <summary>Streaming chat: the stream ends cleanly with neither a <c>finish_reason</c> nor <c>[DONE]</c>.</summary>
    public const string NoFinish = "no-finish";

    /// <summary>Streaming chat: the usage chunk carries <c>choices: []</c> (the documented form) instead of repeating the final choice.</summary>
    public const string UsageEmptyChoices = "usage-empty-choices";

    /// <summary>Streaming chat: reasoning arrives as <c>reasoning_content</c> (DeepSeek-style) instead of <c>reasoning</c>.</summary>
    public const string ReasoningContentField = "reasoning-content";

    /// <summary><c>bytes</c> (default 64 MiB) of leading whitespace before a JSON body; on a video submit or download, a
    /// video download of that size instead.</summary>
    public const string Oversize = "oversize";

    /// <summary><c>GET /generation</c>: answer 404 as if the record were not written yet.</summary>
    public const string GenerationPending = "generation-pending";

    /// <summary><c>POST /videos</c>: the job ends <c>failed</c> (parameter <c>error</c>, default <c>Content policy violation</c>).</summary>
    public const string VideoFailed = "video-failed";

    /// <summary><c>POST /videos</c>: the job ends <c>expired</c>.</summary>
    public const string VideoExpired = "video-expired";

    /// <summary><c>POST /videos</c>: the job ends <c>cancelled</c>.</summary>
    public const string VideoCancelled = "video-cancelled";

    /// <summary><c>POST /videos</c>: the job stays <c>in_progress</c> forever.</summary>
    public const string VideoNeverFinishes = "video-never-finishes";

    /// <summary><c>POST /videos</c>: the job reports a status no client knows (<c>parameter status</c>, default <c>reticulating</c>).</summary>
    public const string VideoUnknownStatus = "video-unknown-status";

    /// <summary><c>POST /videos</c>: the answer to the submit is already <c>completed</c>.</summary>
    public const string VideoCompletedOnSubmit = "video-completed-on-submit";

    /// <summary><c>POST /videos</c>: <c>unsigned_urls</c> point at the foreign origin.</summary>
    public const string VideoForeignUrls = "video-foreign-urls";

    /// <summary><c>POST /videos</c>: <c>polling_url</c> is a relative path.</summary>
    public const string VideoRelativePollingUrl = "video-relative-polling-url";

    /// <summary><c>POST /videos</c>: the completed job has no <c>unsigned_urls</c> (clients use the content endpoint).</summary>
    public const string VideoNoUnsignedUrls = "video-no-unsigned-urls";

    /// <summary><c>POST /videos</c>: the download answers an HTML page instead of video bytes.</summary>
    public const string VideoHtmlContent = "video-html-content";

    /// <summary><c>POST /videos</c>: the download answers an empty body.</summary>
    public const string VideoEmptyContent = "video-empty-content";

    /// <summary><c>POST /videos</c>: the video is served as WebM instead of MP4.</summary>
    public const string VideoWebM = "video-webm";

    /// <summary>Non-streaming chat with image output: the images arrive in another of the shapes providers use (parameter
    /// <c>shape</c>): <c>content-string</c> (data URLs inside a content string), <c>content-parts</c> (a content array with
    /// <c>image_url</c> parts), <c>b64-json</c> (parts <c>{type:"b64_json", b64_json}</c>), <c>inline-data</c> (parts
    /// <c>{type:"inline_data", inline_data:{data, mime_type}}</c>), <c>image-url-camel</c> (<c>images[]</c> with <c>imageUrl</c>),
    /// <c>no-images</c> (text only) or <c>malformed</c> (<c>images: "oops"</c>). Without image output the answer is unchanged.</summary>
    public const string ImageShape = "image-shape";

    /// <summary>Every fault name, for validation and documentation.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        RateLimit, ServerError, BadGateway, Unavailable, Status, ErrorBody200, ChoiceError200, MidStreamError, Stall, Drop,
        SlowFirstByte, SlowStream, MalformedJson, Length, NullFinish, NoFinish, UsageEmptyChoices, ReasoningContentField,
        Oversize, GenerationPending, VideoFailed, VideoExpired, VideoCancelled, VideoNeverFinishes, VideoUnknownStatus,
        VideoCompletedOnSubmit, VideoForeignUrls, VideoRelativePollingUrl, VideoNoUnsignedUrls, VideoHtmlContent,
        VideoEmptyContent, VideoWebM, ImageShape,
    ];
}
