using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>RFC 7396 merge patch: objects merge recursively, <c>null</c> deletes, anything else replaces.</summary>
public static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> in place; returns the number of leaf values written or deleted (an array counts as one).</summary>
    public static int Apply(JsonObject target, JsonObject patch) => throw new NotImplementedException();
}
