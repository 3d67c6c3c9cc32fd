using System.Collections.Concurrent;

namespace OpenClaw.OpenRouter.Emulator.Videos;

/// <summary>The video jobs submitted to one emulator.</summary>
internal sealed class VideoJobStore
{
    private readonly ConcurrentDictionary<string, VideoJob> _jobs = new(StringComparer.Ordinal);
    private long _counter;

    public string NextId() => $"job-emu{Interlocked.Increment(ref _counter):D6}";

    public void Add(VideoJob job) => _jobs[job.Id] = job;

    public VideoJob? Find(string id) => _jobs.GetValueOrDefault(id);
}
