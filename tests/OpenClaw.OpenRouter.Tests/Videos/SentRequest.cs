namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>One request as the client sent it.</summary>
internal sealed record SentRequest(DateTimeOffset At, HttpMethod Method, Uri Url);
