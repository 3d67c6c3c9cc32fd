namespace OpenClaw.Core.Credentials;

/// <summary>An API key and where it was found.</summary>
/// <param name="Key">The key itself: never print it, use <see cref="SecretMask"/>.</param>
/// <param name="Source">
/// Where it came from, for display: <c>profile openrouter:default</c>, <c>env OPENROUTER_API_KEY</c>,
/// <c>~/.openclaw/.env</c>, <c>./.env</c>, <c>config env</c>, or <c>models.providers.openrouter.apiKey</c>.
/// </param>
/// <param name="ProfileId">The auth profile that supplied it, if any.</param>
public sealed record ResolvedApiKey(string Key, string Source, string? ProfileId = null);
