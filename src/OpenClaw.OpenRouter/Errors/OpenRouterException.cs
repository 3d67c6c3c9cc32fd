namespace OpenClaw.OpenRouter.Errors;

/// <summary>An error OpenRouter answered (its error envelope), with the HTTP status and OpenRouter's own code and message.</summary>
public sealed class OpenRouterException : Exception
{
    public OpenRouterException()
    {
    }

    public OpenRouterException(string message) : base(message)
    {
    }

    public OpenRouterException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OpenRouterException(int statusCode, int? code, string message) : base($"{statusCode} {message}")
    {
        StatusCode = statusCode;
        Code = code;
        ErrorMessage = message;
    }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; }

    /// <summary><c>error.code</c> from the envelope, when there was one.</summary>
    public int? Code { get; }

    /// <summary><c>error.message</c> from the envelope.</summary>
    public string? ErrorMessage { get; }
}
