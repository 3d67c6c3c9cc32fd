using FsCheck;
using FsCheck.Fluent;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// Model-ref parsing (<see cref="ModelRefResolver"/>, <see cref="ModelIds"/>; provider spec §2, CLI spec §3.2) under FsCheck:
/// every valid <c>openrouter/&lt;provider&gt;/&lt;model&gt;</c> resolves to itself (case and surrounding whitespace aside) and
/// round-trips through its canonical ref; any string at all resolves or fails with the documented
/// <see cref="OpenClawException"/> texts, never another exception.
/// </summary>
public sealed class ModelRefFuzzTests
{
    public const int ValidCount = 60_000;
    public const int AnyStringCount = 60_000;

    private const string IdCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:~+-@";

    private static readonly ModelRefResolver Resolver = new(
        new Dictionary<string, string> { ["Sonnet"] = "openrouter/anthropic/claude-sonnet-4.6", ["fast"] = "openrouter/openai/gpt-5.5", ["bad"] = "other/x" },
        ["openrouter/anthropic/claude-sonnet-4.6", "openrouter/openai/gpt-5.5", "openrouter/auto", "openrouter/x/dup", "openrouter/y/dup"]);

    private static readonly Gen<string> Segment =
        from length in Gen.Choose(1, 24)
        from chars in Gen.ArrayOf(Gen.Elements(IdCharacters.ToCharArray()), length)
        select new string(chars);

    private static readonly Gen<string> Padding = Gen.Elements("", " ", "\t", "  \n", "\u00A0", "\u3000");

    [Fact(Timeout = 300_000)]
    public async Task Valid_refs_resolve_to_themselves_and_round_trip()
    {
        var cases =
            from provider in Segment
            from model in Segment
            from prefix in Gen.Elements("openrouter", "OpenRouter", "OPENROUTER")
            from before in Padding
            from after in Padding
            select (Typed: before + prefix + "/" + provider + "/" + model + after, ModelId: (provider + "/" + model).ToLowerInvariant());
        await Task.Run(() => FuzzCheck.Run("model refs valid", cases, ValidCount, valid =>
        {
            var resolved = Resolver.Resolve(valid.Typed);
            var expectedApiId = valid.ModelId;
            if (resolved.ModelId != valid.ModelId || resolved.CanonicalRef != "openrouter/" + valid.ModelId || resolved.ApiId != expectedApiId
                || resolved.Alias is not null || resolved.DisplayRef != "openrouter/" + valid.ModelId)
            {
                throw new InvalidOperationException($"\"{FuzzCheck.Show(valid.Typed)}\" resolved to {resolved}");
            }
            if (Resolver.Resolve(resolved.CanonicalRef) != resolved || ModelRefResolver.TryParseRef(valid.Typed) != resolved
                || ModelIds.ModelIdOfRef(resolved.CanonicalRef) != resolved.ModelId || ModelIds.CanonicalRef(resolved.ModelId) != resolved.CanonicalRef
                || ModelIds.ToApiId(resolved.CanonicalRef) != resolved.ApiId)
            {
                throw new InvalidOperationException($"\"{FuzzCheck.Show(valid.Typed)}\" does not round-trip: {resolved}");
            }
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Any_string_resolves_or_fails_with_the_documented_OpenClawException()
    {
        var character = Gen.Frequency(
            (6, Gen.Elements((IdCharacters + "/").ToCharArray())),
            (2, Gen.Elements(' ', '\t', '\n', '\r', '\0', '"', '\\', 'é', 'İ', 'ı', 'K', '\u212A', '\u00A0', '\u2028', '\uFEFF', '\uD800', '\uDC00', '/', '/')),
            (1, Gen.Choose(0, 0xFFFF).Select(code => (char)code)));
        var text = Gen.Frequency(
            (3, Gen.Choose(0, 40).SelectMany(length => Gen.ArrayOf(character, length)).Select(chars => new string(chars))),
            (2, from prefix in Gen.Elements("openrouter/", "OpenRouter/", "openrouter//", "/openrouter/", "anthropic/", "Sonnet", "fast", "bad", "dup", "auto", "openrouter/auto/", "")
                from rest in Gen.Choose(0, 20).SelectMany(length => Gen.ArrayOf(character, length))
                select prefix + new string(rest)));
        var cases = Gen.ArrayOf(text, 4);
        await Task.Run(() => FuzzCheck.Run("model refs any string", cases, AnyStringCount / 4, inputs =>
        {
            foreach (var input in inputs)
            {
                Check(input);
            }
        }, 4), TestContext.Current.CancellationToken);
    }

    private static void Check(string input)
    {
        try
        {
            ModelIds.ModelIdOfRef(input);
            ModelIds.CanonicalRef(input);
            ModelIds.ToApiId(input);
            ModelIds.FamilyId(input);
            ModelIds.CanonicalRefForDisplay(input);
            if (ModelRefResolver.TryParseRef(input) is { } parsed && !parsed.CanonicalRef.StartsWith("openrouter/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"TryParseRef(\"{FuzzCheck.Show(input)}\") = {parsed}");
            }
            var resolved = Resolver.Resolve(input);
            if (!resolved.CanonicalRef.StartsWith("openrouter/", StringComparison.Ordinal) || resolved.ModelId.Length == 0
                || Resolver.Resolve(resolved.CanonicalRef).ModelId != resolved.ModelId)
            {
                throw new InvalidOperationException($"Resolve(\"{FuzzCheck.Show(input)}\") = {resolved}, which does not resolve to itself");
            }
        }
        catch (OpenClawException exception)
        {
            FuzzLedger.Record("model ref", exception);
            var documented = exception.Message == $"Invalid model reference: {input}"
                || (exception.Message.StartsWith("Unknown model provider \"", StringComparison.Ordinal)
                    && exception.Message.EndsWith($"\". Install a plugin that declares it or configure it under models.providers before selecting \"{input.Trim()}\". Config was not changed.", StringComparison.Ordinal));
            if (!documented)
            {
                throw new InvalidOperationException($"Undocumented error text for \"{FuzzCheck.Show(input)}\": {exception.Message}", exception);
            }
        }
        catch (Exception exception) when (exception is not InvalidOperationException { Message: var message } || !message.Contains(FuzzCheck.Show(input), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{exception.GetType().Name} for \"{FuzzCheck.Show(input)}\"", exception);
        }
    }
}
