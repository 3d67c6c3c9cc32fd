using System.Text.Json.Nodes;
using OpenClaw.Core.Config;

namespace OpenClaw.Core.Tests.Config;

public sealed class ConfigPathTests
{
    /// <summary>Segments written compactly: keys as is, indexes as [n].</summary>
    private static string Describe(ConfigPath path) =>
        string.Join(" | ", path.Segments.Select(s => s.Key ?? $"[{s.Index}]"));

    [Theory]
    [InlineData("agents", "agents")]
    [InlineData("agents.defaults.model.primary", "agents | defaults | model | primary")]
    [InlineData("a.b[0].c", "a | b | [0] | c")]
    [InlineData("models.providers.openrouter.models[12].id", "models | providers | openrouter | models | [12] | id")]
    [InlineData("a[\"x/y.z\"].b", "a | x/y.z | b")]
    [InlineData("a['x'].b", "a | x | b")]
    [InlineData("agents.defaults.models[\"openrouter/auto\"].alias", "agents | defaults | models | openrouter/auto | alias")]
    [InlineData("auth.profiles.openrouter:default.mode", "auth | profiles | openrouter:default | mode")]
    [InlineData("a[0][1]", "a | [0] | [1]")]
    [InlineData("[\"$schema\"]", "$schema")]
    [InlineData("a[\"q\\\"uote\"]", "a | q\"uote")]
    [InlineData("a['it\\'s']", "a | it's")]
    [InlineData("a[\"\"]", "a | ")]
    [InlineData("models.0.id", "models | 0 | id")]
    public void Parses_dots_and_brackets(string text, string segments)
    {
        var path = ConfigPath.Parse(text);

        Assert.Equal(segments, Describe(path));
        Assert.Equal(text, path.Text);
        Assert.Equal(text, path.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a..b")]
    [InlineData("a[")]
    [InlineData("a[]")]
    [InlineData("a[-1]")]
    [InlineData("a[x]")]
    [InlineData("a[0")]
    [InlineData("a[0]b")]
    [InlineData("a[\"x]")]
    [InlineData("a[\"x\"")]
    [InlineData("a.[0]")]
    [InlineData("a b")]
    [InlineData("a]")]
    [InlineData("a[99999999999]")]
    public void Malformed_paths_are_refused(string text)
    {
        var exception = Assert.Throws<ConfigException>(() => ConfigPath.Parse(text));

        Assert.Equal($"Invalid config path: {text}", exception.Message);
    }

    private static JsonObject Sample() => JsonNode.Parse("""
        {
          "agents": { "defaults": { "models": { "openrouter/auto": { "alias": "OpenRouter" } }, "model": null } },
          "list": [ { "id": "a" }, { "id": "b" } ]
        }
        """)!.AsObject();

    [Theory]
    [InlineData("agents.defaults.models[\"openrouter/auto\"].alias", "\"OpenRouter\"")]
    [InlineData("list[1].id", "\"b\"")]
    [InlineData("list.0.id", "\"a\"")]
    [InlineData("list", "[{\"id\":\"a\"},{\"id\":\"b\"}]")]
    public void TryGet_finds_values(string text, string json)
    {
        Assert.True(ConfigPath.Parse(text).TryGet(Sample(), out var value));
        Assert.Equal(json, value!.ToJsonString());
    }

    [Fact]
    public void TryGet_finds_a_present_null()
    {
        Assert.True(ConfigPath.Parse("agents.defaults.model").TryGet(Sample(), out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("agents.defaults.missing")]
    [InlineData("agents.defaults.model.primary")]
    [InlineData("list[2]")]
    [InlineData("list[0].id.length")]
    [InlineData("agents.defaults.models.openrouter")]
    [InlineData("list.x")]
    public void TryGet_reports_missing_steps(string text)
    {
        Assert.False(ConfigPath.Parse(text).TryGet(Sample(), out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Set_creates_missing_objects()
    {
        var root = new JsonObject();

        ConfigPath.Parse("agents.defaults.models[\"openrouter/auto\"].alias").Set(root, "OpenRouter");

        Assert.Equal("""{"agents":{"defaults":{"models":{"openrouter/auto":{"alias":"OpenRouter"}}}}}""", root.ToJsonString());
    }

    [Fact]
    public void Set_replaces_a_null_step_with_the_container_it_needs()
    {
        var root = Sample();

        ConfigPath.Parse("agents.defaults.model.primary").Set(root, "openrouter/auto");
        ConfigPath.Parse("fresh[0]").Set(root, 1);

        Assert.Equal("""{"primary":"openrouter/auto"}""", root["agents"]!["defaults"]!["model"]!.ToJsonString());
        Assert.Equal("[1]", root["fresh"]!.ToJsonString());
    }

    [Fact]
    public void Set_replaces_or_appends_array_items()
    {
        var root = Sample();

        ConfigPath.Parse("list[0].id").Set(root, "z");
        ConfigPath.Parse("list[1]").Set(root, new JsonObject { ["id"] = "y" });
        ConfigPath.Parse("list[2]").Set(root, new JsonObject { ["id"] = "x" });

        Assert.Equal("""[{"id":"z"},{"id":"y"},{"id":"x"}]""", root["list"]!.ToJsonString());
    }

    [Fact]
    public void Set_refuses_an_index_past_the_end()
    {
        var root = Sample();

        var exception = Assert.Throws<ConfigException>(() => ConfigPath.Parse("list[3]").Set(root, "x"));

        Assert.Equal("Cannot set list[3]: index 3 is past the end of list (length 2); use index 2 to append.", exception.Message);
        Assert.Equal(2, root["list"]!.AsArray().Count);
    }

    [Fact]
    public void Set_refuses_to_step_through_a_scalar()
    {
        var root = Sample();

        var exception = Assert.Throws<ConfigException>(() =>
            ConfigPath.Parse("agents.defaults.models[\"openrouter/auto\"].alias.x").Set(root, "y"));

        Assert.Equal("Cannot set agents.defaults.models[\"openrouter/auto\"].alias.x: agents.defaults.models[\"openrouter/auto\"].alias is a string, not an object or array.", exception.Message);
    }

    [Theory]
    [InlineData("agents.defaults.model.fallbacks", """["openrouter/x"]""", "agents.defaults.model", """{"primary":"openrouter/auto","fallbacks":["openrouter/x"]}""")]
    [InlineData("agents.defaults.model.primary", "\"openrouter/x\"", "agents.defaults.model", """{"primary":"openrouter/x"}""")]
    [InlineData("agents.defaults.imageGenerationModel.timeoutMs", "5000", "agents.defaults.imageGenerationModel", """{"primary":"openrouter/img","timeoutMs":5000}""")]
    [InlineData("agents.entries.main.model.fallbacks[0]", "\"openrouter/y\"", "agents.entries.main.model", """{"primary":"openrouter/main","fallbacks":["openrouter/y"]}""")]
    public void Set_expands_a_string_model_selection_into_its_object_form(string text, string value, string selection, string expected)
    {
        var root = JsonNode.Parse("""
            {"agents":{"defaults":{"model":"openrouter/auto","imageGenerationModel":"openrouter/img"},"entries":{"main":{"model":"openrouter/main"}}}}
            """)!.AsObject();

        ConfigPath.Parse(text).Set(root, JsonNode.Parse(value));

        Assert.True(ConfigPath.Parse(selection).TryGet(root, out var result));
        Assert.Equal(expected, result!.ToJsonString());
        Assert.True(ConfigValidator.Validate(root).IsValid);
    }

    [Fact]
    public void Set_refuses_a_key_on_an_array()
    {
        var exception = Assert.Throws<ConfigException>(() => ConfigPath.Parse("list.name").Set(Sample(), "y"));

        Assert.Equal("Cannot set list.name: list is an array, so the next step must be an index.", exception.Message);
    }

    [Fact]
    public void Set_copies_a_value_that_already_belongs_to_a_document()
    {
        var root = Sample();
        var borrowed = root["list"]![0]!;

        ConfigPath.Parse("copy").Set(root, borrowed);

        Assert.Equal("""{"id":"a"}""", root["copy"]!.ToJsonString());
        Assert.Equal("""{"id":"a"}""", root["list"]![0]!.ToJsonString());
    }

    [Fact]
    public void Remove_deletes_keys_and_array_items()
    {
        var root = Sample();

        Assert.True(ConfigPath.Parse("list[0]").Remove(root));
        Assert.True(ConfigPath.Parse("agents.defaults.models[\"openrouter/auto\"]").Remove(root));
        Assert.True(ConfigPath.Parse("agents.defaults.model").Remove(root));

        Assert.Equal("""{"agents":{"defaults":{"models":{}}},"list":[{"id":"b"}]}""", root.ToJsonString());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("agents.nothing.here")]
    [InlineData("list[5]")]
    [InlineData("list[0].id.x")]
    public void Remove_reports_what_was_not_there(string text)
    {
        var root = Sample();
        var before = root.ToJsonString();

        Assert.False(ConfigPath.Parse(text).Remove(root));
        Assert.Equal(before, root.ToJsonString());
    }
}
