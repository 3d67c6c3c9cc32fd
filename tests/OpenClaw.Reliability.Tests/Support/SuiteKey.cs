namespace OpenClaw.Reliability.Tests.Support;

/// <summary>
/// The one API key every test of this suite uses: well formed (the emulator accepts any <c>sk-or-v1-</c> key with 64 hex
/// digits), and distinctive, so that <see cref="OutputLedger"/> can find it, or any sizeable piece of it, in what the suite
/// saw.
/// </summary>
public static class SuiteKey
{
    /// <summary>The key.</summary>
    public const string Value = "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";

    /// <summary>The secret part after the public prefix; finding any 16 characters of it in an output is a leak.</summary>
    public const string SecretPart = "5ec12e7da1b2c3d4e5f60718293a4b5c6d7e8f9013579bdf02468ace7e57c0de";

    /// <summary>Pieces of the key whose presence in a text counts as a leak (the whole key and every 16-character window of its secret).</summary>
    public static IReadOnlyList<string> Fragments { get; } =
    [
        Value,
        .. Enumerable.Range(0, SecretPart.Length - 15).Select(start => SecretPart.Substring(start, 16)).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>The first fragment of the key found in <paramref name="text"/>, or <see langword="null"/>.</summary>
    public static string? FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        foreach (var fragment in Fragments)
        {
            if (text.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return fragment;
            }
        }
        return null;
    }
}
