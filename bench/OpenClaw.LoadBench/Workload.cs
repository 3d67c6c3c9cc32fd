using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpenClaw.LoadBench;

/// <summary>
/// The one request both paths send: a model, a user prompt of a given number of words, <c>stream:true</c>. The emulator answers
/// <c>Echo: </c> plus the prompt, one word per chunk (after the reasoning, for a reasoning model), so the prompt sets the size of
/// the stream; the <c>slow-stream</c> fault spaces the chunks out the way a real model's tokens are.
/// </summary>
internal sealed class Workload
{
    /// <summary>The emulator's default key (<c>ApiKeyRegistry.DefaultKey</c>).</summary>
    public const string ApiKey = "sk-or-v1-emulator";

    /// <summary>The header that scripts an emulator fault for one request.</summary>
    public const string FaultHeader = "X-Emulator-Fault";

    private static readonly string[] Vocabulary =
    [
        "the", "agent", "reads", "a", "file", "and", "then", "calls", "tool", "with", "its", "arguments", "before", "answering",
        "user", "about", "weather", "in", "Lisbon", "tomorrow", "morning", "while", "keeping", "context", "short", "enough", "for",
        "model", "to", "stream", "every", "token",
    ];

    public Workload(string model, int words, int intervalMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(intervalMs);
        Model = model;
        Prompt = BuildPrompt(words);
        Fault = intervalMs > 0 ? $"slow-stream; interval-ms={intervalMs.ToString(CultureInfo.InvariantCulture)}" : null;
    }

    public string Model { get; }

    public string Prompt { get; }

    /// <summary>The <c>X-Emulator-Fault</c> value both paths send, or <see langword="null"/> for none.</summary>
    public string? Fault { get; }

    /// <summary>The answer text the emulator streams for <see cref="Prompt"/>.</summary>
    public string ExpectedText => "Echo: " + Prompt;

    /// <summary>
    /// The minimal body a hand-written client sends: <c>{"model","messages":[{"role":"user","content"}],"stream":true}</c>,
    /// serialised per request, as such a client would.
    /// </summary>
    public byte[] BaselineBody()
    {
        var buffer = new ArrayBufferWriter<byte>(Prompt.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model"u8, Model);
            writer.WriteStartArray("messages"u8);
            writer.WriteStartObject();
            writer.WriteString("role"u8, "user"u8);
            writer.WriteString("content"u8, Prompt);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteBoolean("stream"u8, true);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A JSON body for the report, with the prompt shortened to its length.</summary>
    public string Abbreviate(string json)
    {
        var encoded = JsonEncodedText.Encode(Prompt).ToString();
        return json.Replace(encoded, $"<prompt: {Prompt.Length} chars>", StringComparison.Ordinal);
    }

    private static string BuildPrompt(int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }
            text.Append(Vocabulary[(i * 7) % Vocabulary.Length]);
            if (i % 12 == 11 || i == words - 1)
            {
                text.Append('.');
            }
        }
        return text.ToString();
    }
}
