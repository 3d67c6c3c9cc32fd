namespace OpenClaw.Core.Errors;

/// <summary>
/// An error whose message is written for the user and shown as is (<c>Error: &lt;message&gt;</c>, exit 1); the
/// command line prints a stack trace for these only with <c>--verbose</c>.
/// </summary>
public class OpenClawException : Exception
{
    public OpenClawException(string message)
        : base(message)
    {
    }

    public OpenClawException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
