namespace OpenClaw.Benchmarks.Streaming;

/// <summary>What one pass over the stream saw: text characters (UTF-16), reasoning characters, tool calls.</summary>
/// <remarks>Also the benchmarks' return value, so the JIT cannot drop the work.</remarks>
public readonly record struct StreamTally(int ContentChars, int ReasoningChars, int ToolCalls)
{
    /// <summary>Both tallies added.</summary>
    public static StreamTally operator +(StreamTally left, StreamTally right) =>
        new(left.ContentChars + right.ContentChars, left.ReasoningChars + right.ReasoningChars, left.ToolCalls + right.ToolCalls);

    /// <summary>Same as <see cref="op_Addition"/>, for CA2225.</summary>
    public static StreamTally Add(StreamTally left, StreamTally right) => left + right;

    /// <inheritdoc/>
    public override string ToString() => $"{ContentChars} text chars, {ReasoningChars} reasoning chars, {ToolCalls} tool calls";
}
