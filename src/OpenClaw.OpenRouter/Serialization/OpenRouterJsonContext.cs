using System.Text.Json.Serialization;
using OpenClaw.OpenRouter.Chat;

namespace OpenClaw.OpenRouter.Serialization;

/// <summary>Source-generated serialization for every wire type (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletion))]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class OpenRouterJsonContext : JsonSerializerContext;
