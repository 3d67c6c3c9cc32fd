using OpenClaw.Core.Errors;

namespace OpenClaw.Cli.Hosting;

/// <summary>
/// A command's own failure with the exact message the user sees. <see cref="JsonDocument"/> replaces the standard
/// <c>{"ok":false,"error":…}</c> document where a command's spec gives another shape.
/// </summary>
public sealed class CliException : OpenClawException
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, System.Text.Json.Nodes.JsonObject jsonDocument)
        : base(message) => JsonDocument = jsonDocument;

    public System.Text.Json.Nodes.JsonObject? JsonDocument { get; }
}
