namespace OpenClaw.Core.Config;

/// <summary>One step of a <see cref="ConfigPath"/>: an object key or an array index.</summary>
public readonly record struct ConfigPathSegment(string? Key, int? Index)
{
    public static ConfigPathSegment ForKey(string key) => new(key, null);

    public static ConfigPathSegment ForIndex(int index) => new(null, index);
}
