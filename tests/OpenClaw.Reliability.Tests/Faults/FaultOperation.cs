namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>The eight operations of the fault matrix, each one call of the library (and, where there is one, one CLI command).</summary>
public enum FaultOperation
{
    /// <summary><c>POST /chat/completions</c> with <c>stream:true</c>: <c>StreamChatAsync</c>; CLI <c>agent -m</c>.</summary>
    ChatStream,

    /// <summary><c>POST /chat/completions</c> without streaming: <c>CompleteChatAsync</c>; no CLI command.</summary>
    ChatNonStream,

    /// <summary>Image generation through chat completions: <c>GenerateImagesAsync</c>; CLI <c>infer image generate</c>.</summary>
    Image,

    /// <summary>A video job (model list, submit, polls, download): <c>GenerateVideoAsync</c>; CLI <c>infer video generate</c>.</summary>
    Video,

    /// <summary><c>POST /audio/speech</c>: <c>SynthesizeSpeechAsync</c>; CLI <c>infer tts convert</c>.</summary>
    Tts,

    /// <summary><c>GET /models</c>: <c>ListModelsAsync(refresh: true)</c>; CLI <c>models list --refresh</c>.</summary>
    Models,

    /// <summary><c>GET /generation?id=</c>: <c>GetGenerationAsync</c>; no CLI command.</summary>
    Generation,

    /// <summary><c>GET /key</c>: <c>GetKeyAsync</c>; CLI <c>doctor --probe</c>.</summary>
    Key,
}
