using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

public sealed class VideoDurationsTests
{
    [Theory]
    [InlineData(4, 4)]
    [InlineData(6, 6)]
    [InlineData(8, 8)]
    [InlineData(5, 6)]      // a tie goes to the longer
    [InlineData(7, 8)]
    [InlineData(5.4, 6)]    // rounds to 5, then the tie
    [InlineData(4.4, 4)]
    [InlineData(4.5, 6)]    // rounds half up to 5
    [InlineData(6.49, 6)]
    [InlineData(3, 4)]
    [InlineData(0.2, 4)]    // at least 1
    [InlineData(12, 8)]
    [InlineData(1e12, 8)]
    public void Snaps_to_the_default_durations(double seconds, int expected) =>
        Assert.Equal(expected, VideoDurations.Snap(seconds, OpenRouterVideoCapabilities.Default.Durations));

    [Theory]
    [InlineData(5, 5)]
    [InlineData(7, 5)]
    [InlineData(8, 10)]
    [InlineData(7.5, 10)]
    [InlineData(4.9, 5)]
    public void Snaps_to_a_live_list(double seconds, int expected) =>
        Assert.Equal(expected, VideoDurations.Snap(seconds, [4, 5, 10]));

    [Fact]
    public void An_empty_list_means_the_defaults() => Assert.Equal(6, VideoDurations.Snap(5, []));

    [Fact]
    public void A_whole_number_not_listed_is_snapped_even_when_listed_after_rounding() =>
        Assert.Equal(6, VideoDurations.Snap(5.6, [4, 6, 8]));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_what_is_not_a_positive_finite_duration(double seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VideoDurations.Snap(seconds, [4, 6, 8]));
}
