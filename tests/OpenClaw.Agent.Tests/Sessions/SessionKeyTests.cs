using OpenClaw.Agent.Sessions;

namespace OpenClaw.Agent.Tests.Sessions;

public sealed class SessionKeyTests
{
    [Fact]
    public void Main_and_explicit_keys_format_as_in_the_spec()
    {
        Assert.Equal("agent:main:main", SessionKey.Main().ToString());
        Assert.Equal("agent:ops:main", SessionKey.Main("ops").ToString());
        Assert.Equal("agent:main:explicit:my-session", SessionKey.Explicit("main", "my-session").ToString());
        Assert.True(SessionKey.Main().IsMain);
        Assert.False(SessionKey.Explicit("main", "x").IsMain);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("my-session")]
    [InlineData("Release_2.0:build-7")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public void Valid_explicit_ids_are_accepted(string id) => Assert.Equal(id, SessionKey.Explicit("main", id).ExplicitId);

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("has space")]
    [InlineData("slash/id")]
    [InlineData("back\\slash")]
    [InlineData("é")]
    public void Invalid_explicit_ids_are_refused_with_the_id_and_the_rule(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => SessionKey.Explicit("main", id));

        Assert.Contains($"\"{id}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("1–128 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_of_128_characters_is_the_longest_accepted()
    {
        Assert.NotNull(SessionKey.Explicit("main", new string('a', 128)).ExplicitId);
        Assert.Throws<ArgumentException>(() => SessionKey.Explicit("main", new string('a', 129)));
    }

    [Fact]
    public void Agent_ids_must_be_non_empty_and_free_of_colons()
    {
        Assert.Throws<ArgumentException>(() => SessionKey.Main(""));
        Assert.Throws<ArgumentException>(() => SessionKey.Main("a:b"));
        Assert.Throws<ArgumentException>(() => SessionKey.Explicit(" ", "id"));
    }

    [Theory]
    [InlineData("agent:main:main", "main", null)]
    [InlineData("agent:ops:main", "ops", null)]
    [InlineData("agent:main:explicit:my-id", "main", "my-id")]
    [InlineData("agent:ops:explicit:with:colons", "ops", "with:colons")]
    [InlineData("main", "main", null)]
    [InlineData("my-id", "main", "my-id")]
    [InlineData("  my-id  ", "main", "my-id")]
    public void Parse_accepts_full_keys_main_and_bare_ids(string text, string agentId, string? explicitId) =>
        Assert.Equal(new SessionKey(agentId, explicitId), SessionKey.Parse(text));

    [Fact]
    public void Parse_uses_the_given_agent_for_main_and_bare_ids()
    {
        Assert.Equal(SessionKey.Main("ops"), SessionKey.Parse("main", "ops"));
        Assert.Equal(SessionKey.Explicit("ops", "x"), SessionKey.Parse("x", "ops"));
        Assert.Equal(SessionKey.Main("other"), SessionKey.Parse("agent:other:main", "ops"));
    }

    [Theory]
    [InlineData("agent:main")]
    [InlineData("agent:main:mian")]
    [InlineData("agent::main")]
    [InlineData("agent:main:explicit:")]
    [InlineData("agent:main:explicit:.dot")]
    [InlineData("not valid")]
    [InlineData("")]
    public void Parse_refuses_what_is_neither_a_key_nor_an_id(string text) => Assert.Throws<ArgumentException>(() => SessionKey.Parse(text));

    [Fact]
    public void Parse_round_trips_ToString()
    {
        foreach (var key in new[] { SessionKey.Main(), SessionKey.Main("ops"), SessionKey.Explicit("main", "a:b.c-d_e") })
        {
            Assert.Equal(key, SessionKey.Parse(key.ToString()));
        }
    }
}
