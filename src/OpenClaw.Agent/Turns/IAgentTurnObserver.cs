using OpenClaw.Agent.Fallbacks;

namespace OpenClaw.Agent.Turns;

/// <summary>Live progress of a turn, for rendering (the CLI streams text to stdout and the rest to stderr). Called on the turn's task.</summary>
public interface IAgentTurnObserver
{
    /// <summary>A fragment of visible answer text.</summary>
    void OnText(string text);

    /// <summary>A fragment of model thinking.</summary>
    void OnReasoning(string text);

    /// <summary>The model called a tool.</summary>
    void OnToolCall(string name, string argumentsJson);

    /// <summary>A tool finished.</summary>
    void OnToolResult(string name, string resultText, bool isError);

    /// <summary>A candidate failed and the next one is about to be tried (any text it streamed is discarded from the session).</summary>
    void OnFallback(ModelAttempt failed, string nextModelRef);
}
