namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>A tool call the model will make; <paramref name="Signature"/> is the encrypted reasoning data that
/// Gemini routes attach to it (<see langword="null"/> for other families).</summary>
internal sealed record ToolCallPlan(string Id, string Name, string Arguments, string? Signature);
