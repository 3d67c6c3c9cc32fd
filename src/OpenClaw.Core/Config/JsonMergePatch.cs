using System.Text.Json.Nodes;

namespace OpenClaw.Core.Config;

/// <summary>RFC 7396 merge patch: objects merge recursively, <c>null</c> deletes, anything else replaces.</summary>
public static class JsonMergePatch
{
    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="target"/> in place; returns the number of leaf values written or
    /// deleted (an array counts as one). A <c>null</c> for a key that is not there deletes nothing and counts nothing; an
    /// object patched over a non-object starts from an empty object and counts at least one.
    /// </summary>
    public static int Apply(JsonObject target, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        var count = 0;
        foreach (var (key, value) in patch)
        {
            switch (value)
            {
                case null:
                    if (target.Remove(key))
                    {
                        count++;
                    }
                    break;
                case JsonObject objectPatch:
                    if (target[key] is JsonObject existing)
                    {
                        count += Apply(existing, objectPatch);
                    }
                    else
                    {
                        var created = new JsonObject();
                        target[key] = created;
                        count += Math.Max(1, Apply(created, objectPatch));
                    }
                    break;
                default:
                    target[key] = value.DeepClone();
                    count++;
                    break;
            }
        }
        return count;
    }
}
