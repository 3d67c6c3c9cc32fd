using OpenClaw.Agent.Fallbacks;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Images;

namespace OpenClaw.Agent.Media;

/// <summary>A successful image generation: the images, the candidate that made them, and the candidates that failed first.</summary>
/// <param name="Result">What OpenRouter returned.</param>
/// <param name="Model">The candidate that succeeded (<see cref="ResolvedModelRef.ApiId"/> is what was sent).</param>
/// <param name="FailedAttempts">Candidates that failed before it, in order (empty when the first one worked).</param>
public sealed record ImageGenerationOutcome(OpenRouterImageResult Result, ResolvedModelRef Model, IReadOnlyList<ModelAttempt> FailedAttempts);
