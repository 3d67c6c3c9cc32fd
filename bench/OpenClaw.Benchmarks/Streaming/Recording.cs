namespace OpenClaw.Benchmarks.Streaming;

/// <summary>A recorded SSE stream and what it says, for checking that every parser saw all of it.</summary>
/// <param name="Bytes">The <c>text/event-stream</c> body.</param>
/// <param name="ChunkCount">JSON chunk events in it.</param>
/// <param name="Content">The visible text, all <c>content</c> deltas joined.</param>
/// <param name="Reasoning">The reasoning text, all <c>reasoning</c> deltas joined.</param>
/// <param name="ToolNames">The tool calls' function names, in order.</param>
/// <param name="ToolArgumentChars">The tool calls' argument text length, summed.</param>
public sealed record Recording(byte[] Bytes, int ChunkCount, string Content, string Reasoning, IReadOnlyList<string> ToolNames, int ToolArgumentChars)
{
    /// <summary>What a parser that misses nothing counts.</summary>
    public StreamTally Expected => new(Content.Length, Reasoning.Length, ToolNames.Count);
}
