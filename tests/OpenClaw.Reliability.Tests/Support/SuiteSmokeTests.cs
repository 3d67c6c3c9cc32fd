namespace OpenClaw.Reliability.Tests.Support;

public sealed class SuiteSmokeTests
{
    [Fact]
    public async Task An_agent_turn_with_the_suite_key_answers_and_its_outputs_are_recorded()
    {
        await using var user = await SuiteCli.StartAsync(nameof(An_agent_turn_with_the_suite_key_answers_and_its_outputs_are_recorded));
        user.WriteConfig("""{"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}}}""");
        var before = OutputLedger.Count;

        var result = await user.RunAsync("agent", "--session-id", "smoke", "-m", "hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Echo: hello", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("Bearer " + SuiteKey.Value, user.Emulator.Journal.For("/chat/completions").Single().Header("Authorization"));
        Assert.True(OutputLedger.Count > before);
    }

    [Fact]
    public void The_leak_finder_sees_the_key_and_any_sixteen_characters_of_its_secret_but_not_the_public_prefix()
    {
        Assert.NotNull(SuiteKey.FindIn("Authorization: Bearer " + SuiteKey.Value));
        Assert.NotNull(SuiteKey.FindIn("…" + SuiteKey.SecretPart.Substring(20, 16) + "…"));
        Assert.NotNull(SuiteKey.FindIn(SuiteKey.SecretPart.Substring(3, 20).ToUpperInvariant()));
        Assert.Null(SuiteKey.FindIn("sk-or-v1-…" + SuiteKey.SecretPart[^4..]));
    }
}
