using System.Globalization;
using OpenClaw.Core.Config;
using OpenClaw.Core.Files;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Speech;

namespace OpenClaw.Agent.Speech;

/// <summary>
/// Turns text into an audio file with OpenRouter's speech API and the configured TTS settings. The audio is read whole and then
/// written atomically (temporary file in the same directory, flushed, renamed), so a failed or cancelled synthesis leaves no
/// file at all — neither at the target nor a temporary one.
/// </summary>
public sealed class SpeechSynthesizer
{
    /// <summary>The file-name prefix of spoken replies under <see cref="MediaDirectory"/>.</summary>
    public const string FilePrefix = "tts-";

    private readonly OpenRouterClient _client;
    private readonly TtsOpenRouterSettings _settings;
    private readonly TimeSpan? _timeout;
    private readonly TimeProvider _time;

    /// <param name="client">The client speech goes through (its base URL and key are the TTS ones); not disposed here.</param>
    /// <param name="settings">The configured model, voice, speed, format and provider routing.</param>
    /// <param name="timeout">The configured time limit of one synthesis (<c>messages.tts.timeoutMs</c>), if any.</param>
    /// <param name="time">The clock for latency and file names.</param>
    public SpeechSynthesizer(OpenRouterClient client, TtsOpenRouterSettings settings, TimeSpan? timeout = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        _client = client;
        _settings = settings;
        _timeout = timeout;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Where spoken replies are kept: <c>&lt;stateDir&gt;/media/tts</c>.</summary>
    public static string MediaDirectory(string stateDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDir);
        return Path.Combine(stateDir, "media", "tts");
    }

    /// <summary>The request for <paramref name="text"/> with the configured settings; callers override members with <c>with</c>.</summary>
    public OpenRouterSpeechRequest CreateRequest(string text) => new()
    {
        Input = text,
        Model = _settings.Model,
        Voice = _settings.Voice,
        ResponseFormat = _settings.ResponseFormat ?? OpenRouterSpeechModels.DefaultFormat,
        Speed = _settings.Speed,
        Provider = _settings.Provider,
        Timeout = _timeout,
    };

    /// <summary>Synthesises <paramref name="request"/> and writes the audio to <paramref name="path"/> (parent directories are created).</summary>
    /// <exception cref="OpenRouter.Errors.OpenRouterException">The synthesis failed; nothing was written.</exception>
    /// <exception cref="Core.Errors.OpenClawException">The file could not be written (the target is a directory or a symbolic link, …).</exception>
    public async Task<SpokenAudio> SynthesizeToFileAsync(OpenRouterSpeechRequest request, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        // Refuse an unusable target before paying for the audio.
        AtomicFile.EnsureWritableTarget(fullPath);
        var started = _time.GetTimestamp();
        var result = await _client.SynthesizeSpeechAsync(request, cancellationToken).ConfigureAwait(false);
        var latency = _time.GetElapsedTime(started);
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(fullPath, result.Audio.Span);
        return new SpokenAudio(fullPath, result, latency);
    }

    /// <summary>
    /// Synthesises <paramref name="request"/> into a new file in <paramref name="directory"/> named
    /// <c>tts-&lt;UTC time&gt;-&lt;random&gt;&lt;.mp3|.pcm&gt;</c>, so replies never overwrite each other. A missing directory is created
    /// owner-only (0700), as state directories are.
    /// </summary>
    public Task<SpokenAudio> SynthesizeToDirectoryAsync(OpenRouterSpeechRequest request, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        AtomicFile.CreateDirectory(directory, AtomicWriteOptions.OwnerOnlyDirectory);
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = $"{FilePrefix}{stamp}-{Guid.NewGuid().ToString("N")[..12]}{request.ResponseFormat.FileExtension}";
        return SynthesizeToFileAsync(request, Path.Combine(directory, name), cancellationToken);
    }
}
