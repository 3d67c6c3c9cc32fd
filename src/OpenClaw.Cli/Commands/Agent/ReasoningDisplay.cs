namespace OpenClaw.Cli.Commands.Agent;

/// <summary>Whether and how a turn shows the model's reasoning (<c>--show-reasoning</c>, <c>agents.defaults.reasoningDefault</c>).</summary>
public enum ReasoningDisplay
{
    /// <summary>Hidden.</summary>
    Off,

    /// <summary>Shown as one block on stderr before the answer (or the tool call) it led to.</summary>
    On,

    /// <summary>Streamed to stderr as it arrives.</summary>
    Stream,
}
