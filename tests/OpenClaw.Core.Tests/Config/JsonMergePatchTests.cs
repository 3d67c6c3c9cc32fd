using System.Text.Json.Nodes;
using OpenClaw.Core.Config;

namespace OpenClaw.Core.Tests.Config;

public sealed class JsonMergePatchTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Theory]
    // RFC 7396 appendix A, where the target is an object.
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""", 1)]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""", 1)]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""", 1)]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""", 1)]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""", 1)]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""", 1)]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""", 1)]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""", 1)]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""", 1)]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""", 1)]
    // Counting: every scalar written, every key deleted, an array as one.
    [InlineData("""{}""", """{"a":1,"b":"x","c":true,"d":[1,2,3]}""", """{"a":1,"b":"x","c":true,"d":[1,2,3]}""", 4)]
    [InlineData("""{"x":{"keep":1,"drop":2}}""", """{"x":{"drop":null,"add":{"deep":1,"deeper":{"z":2}}}}""", """{"x":{"keep":1,"add":{"deep":1,"deeper":{"z":2}}}}""", 3)]
    [InlineData("""{"a":1}""", """{"missing":null}""", """{"a":1}""", 0)]
    [InlineData("""{"a":{"b":1}}""", """{"a":{}}""", """{"a":{"b":1}}""", 0)]
    [InlineData("""{"a":1}""", """{"a":{}}""", """{"a":{}}""", 1)]
    [InlineData("""{"a":1}""", """{"a":1}""", """{"a":1}""", 1)]
    public void Applies_and_counts(string target, string patch, string result, int count)
    {
        var document = Json(target);

        var written = JsonMergePatch.Apply(document, Json(patch));

        Assert.Equal(result, document.ToJsonString());
        Assert.Equal(count, written);
    }

    [Fact]
    public void The_patch_is_not_attached_to_the_target()
    {
        var patch = Json("""{"list":[1,2],"obj":{"a":1}}""");
        var target = new JsonObject();

        JsonMergePatch.Apply(target, patch);
        patch["list"]!.AsArray().Add(3);
        patch["obj"]!["a"] = 2;

        Assert.Equal("""{"list":[1,2],"obj":{"a":1}}""", target.ToJsonString());
    }
}
