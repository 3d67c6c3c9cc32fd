using OpenClaw.Core.State;

namespace OpenClaw.Core.Tests.State;

public sealed class EnvironmentVariablesTests
{
    private static KeyValuePair<string, string> Variable(string name, string value) => new(name, value);

    [Fact]
    public void A_higher_layer_wins_and_each_value_remembers_its_layer()
    {
        var environment = EnvironmentVariables.From([Variable("A", "process")]);
        environment.AddLayer(EnvironmentSource.DotEnv("./.env"), [Variable("A", "cwd"), Variable("B", "cwd")]);
        environment.AddLayer(EnvironmentSource.DotEnv("~/.openclaw/.env"), [Variable("B", "state"), Variable("C", "state")]);
        environment.AddLayer(EnvironmentSource.ConfigEnv, [Variable("C", "config"), Variable("D", "config")]);

        Assert.Equal(("process", "env"), (environment.Get("A"), environment.SourceOf("A")?.Description));
        Assert.Equal(("cwd", "./.env"), (environment.Get("B"), environment.SourceOf("B")?.Description));
        Assert.Equal(("state", "~/.openclaw/.env"), (environment.Get("C"), environment.SourceOf("C")?.Description));
        Assert.Equal(("config", "config env"), (environment.Get("D"), environment.SourceOf("D")?.Description));
        Assert.Null(environment.Get("E"));
        Assert.Null(environment.SourceOf("E"));
    }

    [Fact]
    public void An_empty_value_counts_as_unset()
    {
        var environment = EnvironmentVariables.From([Variable("A", "")]);
        environment.AddLayer(EnvironmentSource.ConfigEnv, [Variable("A", "config")]);

        Assert.Equal("config", environment.Get("A"));
        Assert.Equal(EnvironmentSource.ConfigEnv, environment.SourceOf("A"));
    }
}
