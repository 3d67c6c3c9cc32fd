using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>Collects progress reports synchronously, in order.</summary>
internal sealed class ProgressLog : IProgress<OpenRouterVideoProgress>
{
    private readonly List<OpenRouterVideoProgress> _reports = [];

    public IReadOnlyList<OpenRouterVideoProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(OpenRouterVideoProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
