namespace OpenClaw.OpenRouter.Reasoning;

/// <summary>An explicit thinking level the model does not support; nothing was sent.</summary>
public sealed class ThinkingLevelNotSupportedException : ArgumentException
{
    public ThinkingLevelNotSupportedException()
    {
    }

    public ThinkingLevelNotSupportedException(string message) : base(message)
    {
    }

    public ThinkingLevelNotSupportedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ThinkingLevelNotSupportedException(ThinkingLevel level, string displayRef, IReadOnlyList<ThinkingLevel> supported)
        : base($"Thinking level \"{level}\" is not supported for {displayRef}. Use one of: {string.Join(", ", supported)}.")
    {
        Level = level;
        Supported = supported;
    }

    /// <summary>The rejected level.</summary>
    public ThinkingLevel Level { get; }

    /// <summary>The levels the model supports.</summary>
    public IReadOnlyList<ThinkingLevel> Supported { get; } = [];
}
