namespace OpenClaw.LoadBench;

/// <summary>
/// A running count and FNV-1a hash of the streamed answer text, plus the length of the reasoning text. Both paths fold every
/// fragment through it, so a path that drops, repeats or reorders text cannot go unnoticed (and cannot look fast by doing less).
/// </summary>
internal struct TextTally : IEquatable<TextTally>
{
    private const uint FnvOffset = 2166136261u;
    private const uint FnvPrime = 16777619u;

    private uint _hash;
    private bool _started;

    public int ContentChars { get; private set; }

    public int ReasoningChars { get; private set; }

    public readonly uint ContentHash => _started ? _hash : FnvOffset;

    public void AddContent(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        if (!_started)
        {
            _hash = FnvOffset;
            _started = true;
        }
        foreach (var c in text)
        {
            _hash = (_hash ^ c) * FnvPrime;
        }
        ContentChars += text.Length;
    }

    public void AddReasoning(string? text) => ReasoningChars += text?.Length ?? 0;

    public readonly bool Equals(TextTally other)
        => ContentChars == other.ContentChars && ContentHash == other.ContentHash && ReasoningChars == other.ReasoningChars;

    public override readonly bool Equals(object? obj) => obj is TextTally other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(ContentChars, ContentHash, ReasoningChars);

    public static bool operator ==(TextTally left, TextTally right) => left.Equals(right);

    public static bool operator !=(TextTally left, TextTally right) => !left.Equals(right);

    public override readonly string ToString() => $"{ContentChars} text chars (hash {ContentHash:x8}), {ReasoningChars} reasoning chars";
}
