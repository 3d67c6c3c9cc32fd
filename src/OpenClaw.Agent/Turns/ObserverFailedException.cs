namespace OpenClaw.Agent.Turns;

/// <summary>
/// Carries an exception thrown by the caller's <see cref="IAgentTurnObserver"/> past the model-failure handling, so a broken
/// renderer is never mistaken for a model failure (and never triggers a fallback). Unwrapped before it leaves the runner.
/// </summary>
internal sealed class ObserverFailedException : Exception
{
    public ObserverFailedException(Exception innerException) : base(innerException.Message, innerException)
    {
    }
}
