namespace OpenClaw.OpenRouter.Videos;

/// <summary>Duration snapping (provider spec §16): a requested length in seconds becomes one the model accepts.</summary>
internal static class VideoDurations
{
    /// <summary>
    /// An exact supported integer is kept; otherwise the value is rounded (half up, at least 1) and the nearest supported
    /// duration wins, ties going to the longer one (5 → 6, 7 → 8, 5.4 → 6 with 4/6/8). An empty list means the defaults' list.
    /// </summary>
    /// <param name="seconds">A finite, positive number of seconds (validated by the caller).</param>
    /// <param name="supported">The model's durations.</param>
    public static int Snap(double seconds, IReadOnlyList<int> supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        if (!double.IsFinite(seconds) || seconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A duration must be a positive number of seconds.");
        }
        var durations = supported.Count > 0 ? supported : OpenRouterVideoCapabilities.Default.Durations;
        // Half up, like JavaScript's Math.round for positive values; clamped so a huge value cannot overflow.
        var rounded = (int)Math.Max(1, Math.Min(Math.Round(seconds, MidpointRounding.AwayFromZero), int.MaxValue));
        if (seconds == rounded && durations.Contains(rounded))
        {
            return rounded;
        }
        var best = durations[0];
        foreach (var candidate in durations)
        {
            var distance = Math.Abs((long)candidate - rounded);
            var bestDistance = Math.Abs((long)best - rounded);
            if (distance < bestDistance || (distance == bestDistance && candidate > best))
            {
                best = candidate;
            }
        }
        return best;
    }
}
