namespace OpenClaw.Cli.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public async Task Runs() => Assert.Equal(0, await CliApplication.RunAsync([]));
}
