namespace OpenClaw.Core.Config;

/// <summary>A model choice: <c>"ref"</c> or <c>{primary, fallbacks?, timeoutMs?}</c>.</summary>
public sealed record ModelSelection(string? Primary, IReadOnlyList<string> Fallbacks, long? TimeoutMs)
{
    public static ModelSelection None { get; } = new(null, [], null);
}
