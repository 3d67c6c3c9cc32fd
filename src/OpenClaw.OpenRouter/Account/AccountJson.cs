using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Account;

internal static class AccountJson
{
    /// <summary>A detached copy: the caller's document may be disposed right after parsing.</summary>
    public static JsonObject RawObject(JsonElement data, string what)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"The {what} response's data is {data.ValueKind}, not an object.");
        }
        return JsonObject.Create(data.Clone())!;
    }
}
