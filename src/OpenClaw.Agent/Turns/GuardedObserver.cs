using OpenClaw.Agent.Fallbacks;

namespace OpenClaw.Agent.Turns;

/// <summary>Forwards to the caller's observer (if any), wrapping its exceptions in <see cref="ObserverFailedException"/>.</summary>
internal sealed class GuardedObserver(IAgentTurnObserver? inner)
{
    public void Text(string text) => Invoke(observer => observer.OnText(text));

    public void Reasoning(string text) => Invoke(observer => observer.OnReasoning(text));

    public void ToolCall(string name, string argumentsJson) => Invoke(observer => observer.OnToolCall(name, argumentsJson));

    public void ToolResult(string name, string resultText, bool isError) => Invoke(observer => observer.OnToolResult(name, resultText, isError));

    public void Fallback(ModelAttempt failed, string nextModelRef) => Invoke(observer => observer.OnFallback(failed, nextModelRef));

    private void Invoke(Action<IAgentTurnObserver> call)
    {
        if (inner is null)
        {
            return;
        }
        try
        {
            call(inner);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ObserverFailedException(exception);
        }
    }
}
