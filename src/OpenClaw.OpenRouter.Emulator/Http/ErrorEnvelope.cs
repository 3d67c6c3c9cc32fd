using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>Writes OpenRouter's error envelope: <c>{"error":{"code":…,"message":…,"metadata":…},"user_id":…}</c>.</summary>
internal static class ErrorEnvelope
{
    public static byte[] Build(int code, string message, JsonObject? metadata = null, string? userId = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, EmulatorJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            if (metadata is not null)
            {
                writer.WritePropertyName("metadata");
                metadata.WriteTo(writer);
            }
            writer.WriteEndObject();
            if (userId is not null)
            {
                writer.WriteString("user_id", userId);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static Task WriteAsync(HttpContext context, int status, string message, JsonObject? metadata = null) =>
        WriteAsync(context, status, status, message, metadata);

    /// <summary>An envelope whose <c>error.code</c> differs from the HTTP status (OpenRouter's HTTP-200 error bodies).</summary>
    public static Task WriteAsync(HttpContext context, int status, int code, string message, JsonObject? metadata = null)
    {
        var userId = context.Items.TryGetValue(HttpItems.UserId, out var value) ? value as string : null;
        return JsonHttp.WriteBytesAsync(context, Build(code, message, metadata, userId), status);
    }

    public static string Describe(int status) => status switch
    {
        400 => "Invalid request parameters",
        401 => "No auth credentials found",
        402 => "Insufficient credits. Add more using https://openrouter.ai/credits",
        403 => "Key limit exceeded",
        404 => "Not Found",
        408 => "Request timed out",
        413 => "Payload too large",
        422 => "Unprocessable request",
        429 => "Rate limit exceeded",
        500 => "Internal Server Error",
        502 => "Provider returned error",
        503 => "Service temporarily unavailable",
        524 => "Edge timeout",
        529 => "Provider overloaded",
        _ => $"HTTP {status}",
    };
}
