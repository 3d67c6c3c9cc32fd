namespace OpenClaw.OpenRouter.Emulator;

/// <summary>A fault queued for upcoming requests that match it.</summary>
/// <param name="Directive">The fault to inject.</param>
/// <param name="PathSuffix">Only requests whose path ends with this (e.g. <c>/chat/completions</c>); <see langword="null"/> for any path.</param>
/// <param name="Model">Only requests whose body names this model; <see langword="null"/> for any model.</param>
/// <param name="Times">How many matching requests receive the fault; a negative number means every one.</param>
public sealed record FaultRule(FaultDirective Directive, string? PathSuffix = null, string? Model = null, int Times = 1);
