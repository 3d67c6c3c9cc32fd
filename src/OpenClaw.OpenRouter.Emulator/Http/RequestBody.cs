using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>A request body read once, with its JSON parsed at most once however many pipeline stages look at it.</summary>
internal sealed class RequestBody(byte[] bytes)
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };
    private bool _parsed;
    private JsonNode? _json;
    private JsonException? _error;

    /// <summary>The parsed body, or <see langword="null"/> when it is empty, JSON <c>null</c>, or not JSON (see <see cref="Error"/>).</summary>
    public JsonNode? Json
    {
        get
        {
            Parse();
            return _json;
        }
    }

    /// <summary>Why the body is not JSON, or <see langword="null"/>.</summary>
    public JsonException? Error
    {
        get
        {
            Parse();
            return _error;
        }
    }

    private void Parse()
    {
        if (_parsed)
        {
            return;
        }
        _parsed = true;
        if (bytes.Length == 0)
        {
            return;
        }
        try
        {
            _json = JsonNode.Parse(bytes, documentOptions: ParseOptions);
        }
        catch (JsonException exception)
        {
            _error = exception;
        }
    }
}
