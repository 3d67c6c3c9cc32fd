using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config.Schema;

/// <summary>A finite number, optionally whole and bounded.</summary>
internal sealed class NumberSchemaNode : SchemaNode
{
    public bool IntegerOnly { get; init; }

    /// <summary>Values must be greater than this (e.g. 0 for "positive").</summary>
    public double? ExclusiveMinimum { get; init; }

    /// <summary>Values must be at least this.</summary>
    public double? Minimum { get; init; }

    /// <summary>Values must be at most this (an <see cref="int"/> field's range).</summary>
    public double? Maximum { get; init; }

    public override string ExpectedType => IntegerOnly ? "integer" : "number";

    public override bool AcceptsKind(JsonValueKind kind) => kind == JsonValueKind.Number;

    protected override void ValidateValue(JsonNode? value, string path, ConfigValidationSink sink)
    {
        if (!JsonNodeValues.TryGetNumber(value, out var number))
        {
            ExpectedTypeIssue(value, path, sink);
            return;
        }
        if (!double.IsFinite(number))
        {
            sink.Issue(path, $"Expected {ExpectedType}, received {JsonNodeValues.NonFiniteName(number)}");
            return;
        }
        if (IntegerOnly && number != Math.Floor(number))
        {
            sink.Issue(path, "Expected integer, received number");
            return;
        }
        if (ExclusiveMinimum is { } exclusive && number <= exclusive)
        {
            sink.Issue(path, $"Too small: expected number to be >{Format(exclusive)}");
        }
        else if (Minimum is { } minimum && number < minimum)
        {
            sink.Issue(path, $"Too small: expected number to be >={Format(minimum)}");
        }
        else if (Maximum is { } maximum && number > maximum)
        {
            sink.Issue(path, $"Too big: expected number to be <={Format(maximum)}");
        }
    }

    private static string Format(double bound) => bound.ToString(CultureInfo.InvariantCulture);

    public override JsonObject DescribeJsonSchema(JsonSchemaWriter writer)
    {
        var schema = new JsonObject { ["type"] = IntegerOnly ? "integer" : "number" };
        if (ExclusiveMinimum is { } exclusive)
        {
            schema["exclusiveMinimum"] = exclusive;
        }
        if (Minimum is { } minimum)
        {
            schema["minimum"] = minimum;
        }
        if (Maximum is { } maximum)
        {
            schema["maximum"] = maximum;
        }
        return schema;
    }
}
