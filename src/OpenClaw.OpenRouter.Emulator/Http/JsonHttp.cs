using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>Reading JSON request bodies and writing JSON responses.</summary>
internal static class JsonHttp
{
    public static byte[] Serialize(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, EmulatorJson.WriterOptions))
        {
            node.WriteTo(writer);
        }
        return buffer.ToArray();
    }

    public static Task WriteAsync(HttpContext context, JsonNode node, int status = StatusCodes.Status200OK)
        => WriteBytesAsync(context, Serialize(node), status);

    /// <summary>Writes an already serialized JSON body.</summary>
    public static async Task WriteBytesAsync(HttpContext context, byte[] body, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The request body the pipeline read.</summary>
    public static RequestBody BodyOf(HttpContext context) => context.Items[HttpItems.Body] as RequestBody ?? new RequestBody([]);

    /// <summary>Parses the buffered body as a JSON object; on failure writes OpenRouter's 400 and returns <see langword="null"/>.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        var body = BodyOf(context);
        if (body.Error is { } invalid)
        {
            await ErrorEnvelope.WriteAsync(context, 400, $"Invalid JSON in request body: {invalid.Message}").ConfigureAwait(false);
            return null;
        }
        if (body.Json is not JsonObject obj)
        {
            await ErrorEnvelope.WriteAsync(context, 400, "Invalid request: the body must be a JSON object.").ConfigureAwait(false);
            return null;
        }
        return obj;
    }

    /// <summary>A member of a JSON object; <see langword="null"/> when the node is absent or not an object, since
    /// client bodies may put any JSON type anywhere and <c>node["x"]</c> throws on a non-object.</summary>
    public static JsonNode? Prop(this JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;

    public static string? String(JsonNode? node)
        => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    public static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    public static bool IsFalse(JsonNode? node) => node?.GetValueKind() == JsonValueKind.False;

    public static bool IsNullOrAbsent(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    public static double? Number(JsonNode? node)
        => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>() : null;
}
