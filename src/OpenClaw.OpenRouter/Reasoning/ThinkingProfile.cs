using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.OpenRouter.Reasoning;

/// <summary>
/// The thinking levels a model accepts and its default (provider spec §7.4), checked before any request so that an
/// unsupported explicit level sends nothing.
/// </summary>
/// <param name="Levels">Supported levels, lowest first.</param>
/// <param name="Default">The level used when none is given.</param>
public sealed partial record ThinkingProfile(IReadOnlyList<ThinkingLevel> Levels, ThinkingLevel Default)
{
    private static readonly ThinkingLevel[] CanonicalOrder =
        [ThinkingLevel.Off, ThinkingLevel.Minimal, ThinkingLevel.Low, ThinkingLevel.Medium, ThinkingLevel.High, ThinkingLevel.XHigh, ThinkingLevel.Max];

    /// <summary>The profile of a model (by model id and what is known of it).</summary>
    public static ThinkingProfile For(string modelId, OpenRouterModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(model);
        var apiId = ModelIds.ToApiId(modelId);
        if (!model.Reasoning || ModelFamily.IsHunterAlpha(modelId))
        {
            return new([ThinkingLevel.Off], ThinkingLevel.Off);
        }
        if (model.SupportedReasoningEfforts is { Count: 0 })
        {
            return model.ReasoningMandatory
                ? new([ThinkingLevel.Low], ThinkingLevel.Low)
                : new([ThinkingLevel.Off, ThinkingLevel.Low], ThinkingLevel.Low);
        }
        if (model.SupportedReasoningEfforts is { } efforts)
        {
            var declared = efforts.Select(effort => effort == ReasoningEffort.None ? "off" : effort.Value).ToHashSet(StringComparer.Ordinal);
            var levels = CanonicalOrder
                .Where(level => level == ThinkingLevel.Off ? !model.ReasoningMandatory : declared.Contains(level.Value))
                .ToArray();
            if (levels.Length == 0)
            {
                levels = [ThinkingLevel.Off];
            }
            var preferred = new[] { ThinkingLevel.Medium, ThinkingLevel.High, ThinkingLevel.Low, ThinkingLevel.Off };
            var fallback = preferred.Where(levels.Contains).Cast<ThinkingLevel?>().FirstOrDefault() ?? levels[0];
            return new(levels, fallback);
        }
        if (ModelFamily.IsDeepSeekV4(apiId))
        {
            return new([ThinkingLevel.Off, ThinkingLevel.Minimal, ThinkingLevel.Low, ThinkingLevel.Medium, ThinkingLevel.High, ThinkingLevel.XHigh], ThinkingLevel.High);
        }
        var unknownEffortsDefault = GeminiThreeProPattern().IsMatch(apiId) ? ThinkingLevel.High : ThinkingLevel.Medium;
        return new([ThinkingLevel.Off, ThinkingLevel.Minimal, ThinkingLevel.Low, ThinkingLevel.Medium, ThinkingLevel.High], unknownEffortsDefault);
    }

    /// <summary>Whether the level is accepted. <c>adaptive</c> counts as <c>medium</c> (it lets the model choose around that budget).</summary>
    public bool Supports(ThinkingLevel level) =>
        Levels.Contains(level) || (level == ThinkingLevel.Adaptive && Levels.Contains(ThinkingLevel.Medium));

    /// <summary>
    /// The level to use: the default when none is given; an explicit level as is, or an error when unsupported; a configured
    /// level clamped to the nearest lower supported one (the lowest supported when none is lower).
    /// </summary>
    /// <exception cref="ThinkingLevelNotSupportedException">An explicit level the model does not support.</exception>
    public ThinkingLevel Resolve(ThinkingLevel? requested, ThinkingLevelSource source, string modelId)
    {
        if (requested is not { } level)
        {
            return Default;
        }
        if (Supports(level))
        {
            return level;
        }
        if (source == ThinkingLevelSource.Explicit)
        {
            throw new ThinkingLevelNotSupportedException(level, ModelIds.CanonicalRefForDisplay(modelId), Levels);
        }
        return Clamp(level);
    }

    /// <summary>The highest supported level ranked at or below <paramref name="level"/>; the lowest supported when none is.</summary>
    public ThinkingLevel Clamp(ThinkingLevel level)
    {
        ThinkingLevel? best = null;
        foreach (var candidate in Levels)
        {
            if (candidate.Rank <= level.Rank && (best is null || candidate.Rank > best.Value.Rank))
            {
                best = candidate;
            }
        }
        return best ?? Levels[0];
    }

    [GeneratedRegex(@"gemini-3(\.\d+)?-pro", RegexOptions.CultureInvariant)]
    private static partial Regex GeminiThreeProPattern();
}
