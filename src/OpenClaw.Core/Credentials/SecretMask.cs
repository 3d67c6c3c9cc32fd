namespace OpenClaw.Core.Credentials;

/// <summary>How a secret is shown: never whole (CLI spec §3.3: the first 8 characters and <c>…</c>).</summary>
public static class SecretMask
{
    /// <summary>The masked form, e.g. <c>sk-or-v1…</c>; a secret too short to show 8 characters safely is only <c>…</c>.</summary>
    public static string Mask(string? secret) => throw new NotImplementedException();
}
