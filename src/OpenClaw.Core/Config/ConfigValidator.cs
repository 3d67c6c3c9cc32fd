using System.Text.Json.Nodes;
using OpenClaw.Core.Config.Schema;

namespace OpenClaw.Core.Config;

/// <summary>
/// Checks a config document against the schema of the keys this program knows (CLI spec §9, §9.1 and what onboarding
/// writes, §2.2): unknown keys (<c>Unrecognized key: "x"</c>) and wrong types or values are issues, each with its full path.
/// </summary>
public static class ConfigValidator
{
    public static ConfigValidationResult Validate(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sink = new ConfigValidationSink();
        ConfigSchemaDefinition.Root.Validate(root, "", sink);
        return new ConfigValidationResult(sink.Issues, sink.Warnings);
    }
}
