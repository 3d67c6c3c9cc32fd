using System.Buffers.Binary;

namespace OpenClaw.OpenRouter.Emulator.Media;

/// <summary>
/// Speech stand-ins: a 440 Hz tone as raw PCM (OpenRouter's <c>response_format: "pcm"</c>) or as an embedded MP3.
/// </summary>
internal static class ToneAudio
{
    public const string PcmContentType = "audio/pcm;rate=24000;channels=1";
    public const string Mp3ContentType = "audio/mpeg";

    public const int SampleRate = 24000;
    public const int MinDurationMs = 100;
    public const int MaxDurationMs = 10000;

    private const int BytesPerSample = sizeof(short);
    private const double FrequencyHz = 440.0;
    // About -10 dBFS: clearly audible without clipping.
    private const double Amplitude = 0.3 * short.MaxValue;

    private static readonly Lazy<byte[]> Mp3Bytes = new(() => EmbeddedAsset.Read("tone.mp3"));

    public static byte[] Pcm(int durationMs)
    {
        var clampedDurationMs = Math.Clamp(durationMs, MinDurationMs, MaxDurationMs);
        var sampleCount = (int)((long)SampleRate * clampedDurationMs / 1000);
        var pcm = new byte[sampleCount * BytesPerSample];

        for (var index = 0; index < sampleCount; index++)
        {
            var sample = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * FrequencyHz * index / SampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(index * BytesPerSample, BytesPerSample), sample);
        }

        return pcm;
    }

    public static byte[] Mp3() => Mp3Bytes.Value.AsSpan().ToArray();

}
