using System.Collections.Concurrent;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>The API keys the emulator accepts, with the spend recorded against each.</summary>
/// <remarks>Thread-safe. Keys can be added while the emulator runs.</remarks>
public sealed class ApiKeyRegistry
{
    /// <summary>An ordinary key with unlimited spend.</summary>
    public const string DefaultKey = "sk-or-v1-emulator";

    /// <summary>A key whose account has no credits left: inference answers 402.</summary>
    public const string OutOfCreditsKey = "sk-or-v1-emulator-no-credits";

    /// <summary>A key whose own spend limit is reached: inference answers 403 <c>Key limit exceeded</c>.</summary>
    public const string KeyLimitReachedKey = "sk-or-v1-emulator-limited";

    /// <summary>A management key (may read <c>/credits</c> when that is restricted to management keys).</summary>
    public const string ManagementKey = "sk-or-v1-emulator-management";

    private readonly ConcurrentDictionary<string, ApiKeyProfile> _profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, decimal> _spend = new(StringComparer.Ordinal);
    private readonly bool _acceptWellFormedKeys;

    internal ApiKeyRegistry(bool acceptWellFormedKeys)
    {
        _acceptWellFormedKeys = acceptWellFormedKeys;
        Add(DefaultKey, new ApiKeyProfile());
        Add(OutOfCreditsKey, new ApiKeyProfile { Label = "emulator (no credits)", Limit = 5m, InitialUsage = 5m, TotalCredits = 5m, OutOfCredits = true });
        Add(KeyLimitReachedKey, new ApiKeyProfile { Label = "emulator (limited)", Limit = 1m, LimitReset = "monthly", InitialUsage = 1m, KeyLimitReached = true });
        Add(ManagementKey, new ApiKeyProfile { Label = "emulator (management)", IsManagementKey = true });
    }

    /// <summary>Accepts <paramref name="key"/> with the given profile (replacing an earlier one).</summary>
    public void Add(string key, ApiKeyProfile profile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(profile);
        _profiles[key] = profile;
    }

    /// <summary>Finds the profile of <paramref name="key"/>.</summary>
    public bool TryGet(string key, out ApiKeyProfile profile)
    {
        if (_profiles.TryGetValue(key, out var known))
        {
            profile = known;
            return true;
        }
        if (_acceptWellFormedKeys && IsWellFormed(key))
        {
            profile = _profiles.GetOrAdd(key, static _ => new ApiKeyProfile());
            return true;
        }
        profile = null!;
        return false;
    }

    /// <summary>USD spent with <paramref name="key"/> through this emulator, plus its initial usage.</summary>
    public decimal UsageOf(string key)
        => (_profiles.TryGetValue(key, out var profile) ? profile.InitialUsage : 0m) + _spend.GetValueOrDefault(key);

    internal void Charge(string key, decimal cost)
    {
        if (cost > 0)
        {
            _spend.AddOrUpdate(key, cost, (_, spent) => spent + cost);
        }
    }

    internal static bool IsWellFormed(string key)
    {
        const string prefix = "sk-or-v1-";
        if (key.Length != prefix.Length + 64 || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in key.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
