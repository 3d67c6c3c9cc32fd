using System.Text.Json.Nodes;
using System.Text;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>One request exactly as the emulator received it.</summary>
/// <param name="Sequence">Position in arrival order, starting at 1.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Origin">Scheme, host and port the request arrived on (the API origin or the foreign origin).</param>
/// <param name="Path">The request path, e.g. <c>/api/v1/chat/completions</c>.</param>
/// <param name="Query">The query string including the leading <c>?</c>, or empty.</param>
/// <param name="Headers">Header names as received (looked up case-insensitively) with their comma-joined values.</param>
/// <param name="Body">The raw body bytes.</param>
public sealed record JournalEntry(
    long Sequence,
    string Method,
    string Origin,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON, or <see langword="null"/> when it is empty or not JSON.</summary>
    public JsonNode? BodyJson
    {
        get
        {
            if (Body.Length == 0)
            {
                return null;
            }
            try
            {
                return JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The value of a header (case-insensitive name), or <see langword="null"/> when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
