using OpenClaw.Core.State;
using OpenClaw.Core.Tests.Files;

namespace OpenClaw.Core.Tests.State;

public sealed class DotEnvFileTests
{
    // Each expected entry is "NAME=value"; the value is everything after the first "=".
    public static TheoryData<string, string[]> Cases => new()
    {
        { "A=1", ["A=1"] },
        { "A=1\nB=two", ["A=1", "B=two"] },
        { "export A=1", ["A=1"] },
        { "export\tA=1", ["A=1"] },
        { "export FOO", [] },
        { "export=1", ["export=1"] },
        { "# comment\nA=1\n   # indented comment", ["A=1"] },
        { "A=1 # comment", ["A=1"] },
        { "A=1\t# comment", ["A=1"] },
        { "A=1#2", ["A=1#2"] },
        { "A=#literal", ["A=#literal"] },
        { "A= # only a comment", ["A="] },
        { "A=", ["A="] },
        { "A = spaced value  ", ["A=spaced value"] },
        { "A=x=y", ["A=x=y"] },
        { "A=\"x\\ny\"", ["A=x\ny"] },
        { "A=\"tab\\there\\r\"", ["A=tab\there\r"] },
        { "A=\"say \\\"hi\\\" \\\\o/\"", ["A=say \"hi\" \\o/"] },
        { "A=\"C:\\data\"", ["A=C:\\data"] },
        { "A='x\\ny'", ["A=x\\ny"] },
        { "A='single # not a comment' # comment", ["A=single # not a comment"] },
        { "A=\"double # not a comment\"#comment", ["A=double # not a comment"] },
        { "A=`back tick`", ["A=back tick"] },
        { "A=\"  padded  \"", ["A=  padded  "] },
        { "A=\"multi\nline\"\nB=2", ["A=multi\nline", "B=2"] },
        { "A=\"l1\r\nl2\"", ["A=l1\nl2"] },
        { "A=\"unterminated\nB=2", ["B=2"] },
        { "A='unterminated", [] },
        { "A=\"x\" trailing\nB=2", ["B=2"] },
        { "A=1\r\nB=2\r\n", ["A=1", "B=2"] },
        { "A=\"q\"\r\nB=2 # c\r\n", ["A=q", "B=2"] },
        { "\uFEFFA=1", ["A=1"] },
        { "_A1=ok\n1A=x\nA-B=y\nA B=z\nA.B=w\nÄ=v", ["_A1=ok"] },
        { "NOEQUALS\n=value\n  \nA=1", ["A=1"] },
        { "A=1\nB=2\nA=3", ["A=3", "B=2"] },
        { "OPENROUTER_API_KEY=sk-or-v1-abc", ["OPENROUTER_API_KEY=sk-or-v1-abc"] },
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses(string text, string[] expected)
    {
        var parsed = DotEnvFile.Parse(text).Select(pair => $"{pair.Key}={pair.Value}");

        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void A_missing_file_or_a_directory_has_no_variables()
    {
        using var directory = new TemporaryDirectory();

        Assert.Empty(DotEnvFile.ReadIfExists(directory.Combine(".env")));
        Directory.CreateDirectory(directory.Combine("dir", ".env"));
        Assert.Empty(DotEnvFile.ReadIfExists(directory.Combine("dir", ".env")));
        Assert.Empty(DotEnvFile.ReadIfExists(directory.Combine("missing", ".env")));
    }

    [Fact]
    public void Reads_a_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine(".env");
        File.WriteAllText(path, "# keys\r\nexport OPENROUTER_API_KEY=\"sk-or-v1-abc\"\r\n");

        var variable = Assert.Single(DotEnvFile.ReadIfExists(path));

        Assert.Equal(new KeyValuePair<string, string>("OPENROUTER_API_KEY", "sk-or-v1-abc"), variable);
    }
}
