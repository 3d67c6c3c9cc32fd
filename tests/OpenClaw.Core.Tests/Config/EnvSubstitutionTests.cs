using System.Text.Json.Nodes;
using OpenClaw.Core.Config;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Tests.Config;

public sealed class EnvSubstitutionTests
{
    private static EnvironmentVariables Environment() => EnvironmentVariables.From(new Dictionary<string, string>
    {
        ["OPENROUTER_API_KEY"] = "sk-or-v1-abc",
        ["HOST"] = "example.com",
        ["_UNDER"] = "u",
        ["A1"] = "one",
        ["EMPTY"] = "",
        ["lower"] = "nope",
    });

    [Theory]
    [InlineData("${OPENROUTER_API_KEY}", "sk-or-v1-abc")]
    [InlineData("https://${HOST}/api/v1", "https://example.com/api/v1")]
    [InlineData("${HOST}${HOST}", "example.comexample.com")]
    [InlineData("${_UNDER}-${A1}", "u-one")]
    [InlineData("${MISSING:-fallback}", "fallback")]
    [InlineData("${HOST:-fallback}", "example.com")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${MISSING:-}", "")]
    [InlineData("$${HOST}", "${HOST}")]
    [InlineData("$${MISSING}", "${MISSING}")]
    [InlineData("$${HOST:-x}", "${HOST:-x}")]
    [InlineData("cost: $5", "cost: $5")]
    [InlineData("$HOST", "$HOST")]
    [InlineData("${lower}", "${lower}")]
    [InlineData("${1A}", "${1A}")]
    [InlineData("${HOST", "${HOST")]
    [InlineData("${}", "${}")]
    [InlineData("${HOST-x}", "${HOST-x}")]
    [InlineData("$$", "$$")]
    [InlineData("a$", "a$")]
    [InlineData("no dollar", "no dollar")]
    public void Substitutes_references(string input, string expected)
    {
        var missing = new List<string>();

        Assert.Equal(expected, EnvSubstitution.Substitute(input, Environment(), missing.Add));
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("${MISSING}", "${MISSING}", "MISSING")]
    [InlineData("${EMPTY}", "${EMPTY}", "EMPTY")]
    [InlineData("key=${MISSING} host=${HOST}", "key=${MISSING} host=example.com", "MISSING")]
    [InlineData("${A}${B}", "${A}${B}", "A,B")]
    public void Missing_variables_stay_as_written_and_are_reported(string input, string expected, string names)
    {
        var missing = new List<string>();

        Assert.Equal(expected, EnvSubstitution.Substitute(input, Environment(), missing.Add));
        Assert.Equal(names.Split(','), missing);
    }

    [Fact]
    public void SubstituteAll_copies_the_tree_and_warns_with_the_config_path()
    {
        var root = JsonNode.Parse("""
            {
              "models": { "providers": { "openrouter": { "apiKey": "${OPENROUTER_API_KEY}", "baseUrl": "https://${NO_HOST}/v1" } } },
              "agents": { "defaults": { "models": { "openrouter/auto": { "alias": "${NO_ALIAS}" } } } },
              "list": [ "x", "${NO_ITEM}", 3, true, null ],
              "${KEYS_ARE_NOT_SUBSTITUTED}": 1
            }
            """);
        var warnings = new List<string>();

        var result = EnvSubstitution.SubstituteAll(root, Environment(), "~/.openclaw/openclaw.json", warnings.Add)!;

        Assert.Equal("sk-or-v1-abc", result["models"]!["providers"]!["openrouter"]!["apiKey"]!.GetValue<string>());
        Assert.Equal("""["x","${NO_ITEM}",3,true,null]""", result["list"]!.ToJsonString());
        Assert.Equal(1, result["${KEYS_ARE_NOT_SUBSTITUTED}"]!.GetValue<int>());
        Assert.Equal("${OPENROUTER_API_KEY}", root!["models"]!["providers"]!["openrouter"]!["apiKey"]!.GetValue<string>());
        Assert.Equal(
            [
                "Config (~/.openclaw/openclaw.json): missing env var \"NO_HOST\" at models.providers.openrouter.baseUrl - feature using this value will be unavailable",
                "Config (~/.openclaw/openclaw.json): missing env var \"NO_ALIAS\" at agents.defaults.models[\"openrouter/auto\"].alias - feature using this value will be unavailable",
                "Config (~/.openclaw/openclaw.json): missing env var \"NO_ITEM\" at list[1] - feature using this value will be unavailable",
            ],
            warnings);
    }

    [Fact]
    public void SubstituteAll_keeps_scalars_and_null()
    {
        Assert.Null(EnvSubstitution.SubstituteAll(null, Environment(), "f"));
        Assert.Equal("42", EnvSubstitution.SubstituteAll(JsonValue.Create(42), Environment(), "f")!.ToJsonString());
        Assert.Equal("\"example.com\"", EnvSubstitution.SubstituteAll(JsonValue.Create("${HOST}"), Environment(), "f")!.ToJsonString());
    }
}
