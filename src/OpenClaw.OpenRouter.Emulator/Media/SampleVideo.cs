namespace OpenClaw.OpenRouter.Emulator.Media;

/// <summary>
/// Video-generation stand-ins: a one-second 64x36 test pattern clip, embedded as MP4 (H.264) and WebM (VP8).
/// </summary>
internal static class SampleVideo
{
    public const string Mp4ContentType = "video/mp4";
    public const string WebMContentType = "video/webm";

    private static readonly Lazy<byte[]> Mp4Bytes = new(() => EmbeddedAsset.Read("sample.mp4"));
    private static readonly Lazy<byte[]> WebMBytes = new(() => EmbeddedAsset.Read("sample.webm"));

    public static byte[] Mp4() => Mp4Bytes.Value.AsSpan().ToArray();

    public static byte[] WebM() => WebMBytes.Value.AsSpan().ToArray();
}
