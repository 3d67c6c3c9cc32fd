using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>A string, optionally one of a fixed set of values.</summary>
internal sealed class StringSchemaNode : SchemaNode
{
    /// <summary>The accepted values; empty for any string.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Compare with <see cref="AllowedValues"/> after trimming and ignoring case (the reader normalises the same way).</summary>
    public bool TrimAndIgnoreCase { get; init; }

    /// <summary>A message for a value outside <see cref="AllowedValues"/> where the program has its own wording.</summary>
    public Func<string, string>? InvalidValueMessage { get; init; }

    public int MinLength { get; init; }

    public override string ExpectedType => "string";

    public override bool AcceptsKind(JsonValueKind kind) => kind == JsonValueKind.String;

    protected override void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink)
    {
        if (!JsonNodeValues.TryGetString(value, out var text))
        {
            ExpectedTypeIssue(value, path, sink);
            return;
        }
        if (text.Length < MinLength)
        {
            sink.Issue(path, $"Too small: expected string to have >={MinLength} characters");
            return;
        }
        if (AllowedValues.Count > 0 && !IsAllowed(text))
        {
            sink.Issue(path, InvalidValueMessage?.Invoke(text) ?? $"Invalid option: expected one of {string.Join('|', AllowedValues.Select(v => $"\"{v}\""))}");
        }
    }

    private bool IsAllowed(string text)
    {
        if (!TrimAndIgnoreCase)
        {
            return AllowedValues.Contains(text, StringComparer.Ordinal);
        }
        var normalised = text.Trim();
        return AllowedValues.Contains(normalised, StringComparer.OrdinalIgnoreCase);
    }

    public override JsonObject DescribeJsonSchema(JsonSchemaWriter writer)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (MinLength > 0)
        {
            schema["minLength"] = MinLength;
        }
        if (AllowedValues.Count > 0)
        {
            if (TrimAndIgnoreCase)
            {
                // JSON Schema patterns have no case-insensitive flag: spell each letter both ways.
                schema["pattern"] = $"^\\s*({string.Join('|', AllowedValues.Select(CaseInsensitivePattern))})\\s*$";
            }
            else
            {
                schema["enum"] = new JsonArray([.. AllowedValues.Select(v => (JsonNode)JsonValue.Create(v))]);
            }
        }
        return schema;
    }

    private static string CaseInsensitivePattern(string value)
    {
        var pattern = new StringBuilder();
        foreach (var c in value)
        {
            if (char.IsAsciiLetter(c))
            {
                pattern.Append('[').Append(char.ToUpperInvariant(c)).Append(char.ToLowerInvariant(c)).Append(']');
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                pattern.Append(c);
            }
            else
            {
                pattern.Append('\\').Append(c);
            }
        }
        return pattern.ToString();
    }
}
