using OpenClaw.Core.Errors;

namespace OpenClaw.Core.Config;

/// <summary>A config file that cannot be read, parsed, validated or written; the message names the file and the position or key path.</summary>
public sealed class ConfigException : OpenClawException
{
    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
