using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Tests.Support;

namespace OpenClaw.OpenRouter.Emulator.Tests.Journal;

public sealed class RequestJournalTests
{
    [Fact]
    public async Task Every_request_is_recorded_with_its_exact_headers_and_body()
    {
        await using var client = await EmulatorClient.StartAsync();
        const string body = "{\"model\":\"emulator/echo\",  \"messages\":[{\"role\":\"user\",\"content\":\"h\u00e9llo\"}]}";

        using var response = await client.PostAsync("/chat/completions", body, headers: [("HTTP-Referer", "https://openclaw.ai"), ("X-OpenRouter-Title", "OpenClaw")]);
        using var unauthorized = await client.GetAsync("/key", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = client.Emulator.Journal.Entries;
        Assert.Equal(2, entries.Count);
        var chat = entries[0];
        Assert.Equal(1, chat.Sequence);
        Assert.Equal("POST", chat.Method);
        Assert.Equal("/api/v1/chat/completions", chat.Path);
        Assert.Equal(client.Emulator.Origin.ToString().TrimEnd('/'), chat.Origin);
        Assert.Equal(Encoding.UTF8.GetBytes(body), chat.Body);
        Assert.Equal(body, chat.BodyText);
        Assert.Equal("emulator/echo", chat.BodyJson!["model"]!.GetValue<string>());
        Assert.Equal("Bearer " + EmulatorClient.Key, chat.Header("authorization"));
        Assert.Equal("https://openclaw.ai", chat.Header("http-referer"));
        Assert.Equal("OpenClaw", chat.Header("X-OPENROUTER-TITLE"));
        Assert.Equal("application/json; charset=utf-8", chat.Header("Content-Type"));
        Assert.Null(chat.Header("X-OpenRouter-Categories"));
        Assert.Equal("/api/v1/key", entries[1].Path);
        Assert.Null(entries[1].Header("Authorization"));
        Assert.Same(entries[1], client.Emulator.Journal.Last);
        Assert.Single(client.Emulator.Journal.For("/chat/completions"));
    }

    [Fact]
    public async Task Journal_is_readable_and_clearable_over_http_and_admin_calls_are_not_recorded()
    {
        await using var client = await EmulatorClient.StartAsync();
        var admin = client.Emulator.Origin + "__emulator/journal";

        using var chat = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("emulator/echo", "x"), headers: ("X-Custom", "42"));
        using var read = await client.GetAsync(admin, key: null);
        using var cleared = await client.SendAsync(client.Request(HttpMethod.Delete, admin, key: null));
        using var readAgain = await client.GetAsync(admin, key: null);

        var entries = (await EmulatorClient.JsonAsync(read))["entries"]!.AsArray();
        var entry = Assert.Single(entries)!;
        Assert.Equal("POST", entry["method"]!.GetValue<string>());
        Assert.Equal("/api/v1/chat/completions", entry["path"]!.GetValue<string>());
        Assert.Equal("42", entry["headers"]!["X-Custom"]!.GetValue<string>());
        Assert.Equal(EmulatorClient.ChatBody("emulator/echo", "x"), entry["body"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty((await EmulatorClient.JsonAsync(readAgain))["entries"]!.AsArray());
        Assert.Empty(client.Emulator.Journal.Entries);
    }

    [Fact]
    public async Task Health_endpoint_names_the_base_url()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var health = await client.GetAsync(client.Emulator.Origin + "__emulator/health", key: null);

        var body = await EmulatorClient.JsonAsync(health);
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal(client.BaseUrl, body["baseUrl"]!.GetValue<string>());
        Assert.Null(body["foreignOrigin"]);
        Assert.Empty(client.Emulator.Journal.Entries);
        _ = JsonNode.Parse("{}");
    }
}
