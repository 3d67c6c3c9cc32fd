using System.Text;
using OpenClaw.Agent.Fallbacks;
using OpenClaw.Agent.Turns;

namespace OpenClaw.Agent.Tests.Support;

/// <summary>Records what a turn reported, in order; optionally runs an action on the first text fragment.</summary>
internal sealed class RecordingObserver : IAgentTurnObserver
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _reasoning = new();

    public Action? OnFirstText { get; init; }

    public string Text => _text.ToString();

    public string Reasoning => _reasoning.ToString();

    public List<(string Name, string Arguments)> ToolCalls { get; } = [];

    public List<(string Name, string Result, bool IsError)> ToolResults { get; } = [];

    public List<(ModelAttempt Failed, string Next)> Fallbacks { get; } = [];

    /// <summary>Every event as a short tag (<c>text</c>, <c>reasoning</c>, <c>toolCall</c>, <c>toolResult</c>, <c>fallback</c>), consecutive repeats folded.</summary>
    public List<string> Events { get; } = [];

    public void OnText(string text)
    {
        var first = _text.Length == 0;
        _text.Append(text);
        Add("text");
        if (first)
        {
            OnFirstText?.Invoke();
        }
    }

    public void OnReasoning(string text)
    {
        _reasoning.Append(text);
        Add("reasoning");
    }

    public void OnToolCall(string name, string argumentsJson)
    {
        ToolCalls.Add((name, argumentsJson));
        Add("toolCall");
    }

    public void OnToolResult(string name, string resultText, bool isError)
    {
        ToolResults.Add((name, resultText, isError));
        Add("toolResult");
    }

    public void OnFallback(ModelAttempt failed, string nextModelRef)
    {
        Fallbacks.Add((failed, nextModelRef));
        Add("fallback");
    }

    private void Add(string tag)
    {
        if (Events.Count == 0 || Events[^1] != tag)
        {
            Events.Add(tag);
        }
    }
}
