using OpenClaw.Agent.Fallbacks;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.Agent.Media;

/// <summary>A finished video job: the video (or its URL), the candidate that made it, and the candidates that failed first.</summary>
/// <param name="Result">What OpenRouter returned.</param>
/// <param name="Model">The candidate that succeeded (<see cref="ResolvedModelRef.ApiId"/> is what was sent).</param>
/// <param name="FailedAttempts">Candidates that failed before it, in order (empty when the first one worked).</param>
public sealed record VideoGenerationOutcome(OpenRouterVideoResult Result, ResolvedModelRef Model, IReadOnlyList<ModelAttempt> FailedAttempts);
