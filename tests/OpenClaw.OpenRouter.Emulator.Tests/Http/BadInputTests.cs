using System.Net;
using System.Text;
using OpenClaw.OpenRouter.Emulator.Tests.Support;

namespace OpenClaw.OpenRouter.Emulator.Tests.Http;

/// <summary>Bad input gets OpenRouter-shaped 4xx errors, never a 500 or a stack trace.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("{bad", 400, "Invalid JSON in request body: ")]
    [InlineData("[1,2]", 400, "Invalid request: the body must be a JSON object.")]
    [InlineData("", 400, "Invalid request: the body must be a JSON object.")]
    [InlineData("{}", 400, "Invalid request parameters: \"model\" is required and must be a string.")]
    [InlineData("{\"model\":42}", 400, "Invalid request parameters: \"model\" is required and must be a string.")]
    [InlineData("{\"model\":\"acme/x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 400, "acme/x is not a valid model ID")]
    [InlineData("{\"model\":\"emulator/echo\"}", 400, "Input required: specify \"prompt\" or \"messages\"")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[]}", 400, "Input required: specify \"prompt\" or \"messages\"")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":\"hi\"}", 400, "Input required: specify \"prompt\" or \"messages\"")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[42]}", 400, "Invalid request parameters: messages[0] must be an object.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}", 400, "Invalid request parameters: messages[0].role must be one of system, developer, user, assistant, tool.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"user\"}]}", 400, "Invalid request parameters: messages[0].content is required (a string or an array of parts).")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"sticker\"}]}]}", 400, "Invalid request parameters: messages[0].content has an invalid part (type \"sticker\").")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}", 400, "Invalid request parameters: messages[0].tool_call_id is required for tool messages.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":1}]}]}", 400, "Invalid request parameters: messages[0].tool_calls must be an array of {id, type:\"function\", function:{name, arguments}}.")]
    [InlineData("{\"model\":\"emulator/tools\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"bad name!\"}}]}", 400, "Invalid request parameters: each tool must be {type:\"function\", function:{name}} with a name matching ^[a-zA-Z0-9_-]{1,64}$ (got \"bad name!\").")]
    [InlineData("{\"model\":\"emulator/tools\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":{}}", 400, "Invalid request parameters: \"tools\" must be an array.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}", 400, "Invalid request parameters: \"stream\" must be a boolean.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_completion_tokens\":0}", 400, "Invalid request parameters: \"max_completion_tokens\" must be an integer of at least 1.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1.5}", 400, "Invalid request parameters: \"max_tokens\" must be an integer of at least 1.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":3}", 400, "Invalid request parameters: \"temperature\" must be a number between 0 and 2.")]
    [InlineData("{\"model\":\"emulator/reasoning\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"reasoning\":\"high\"}", 400, "Invalid request parameters: \"reasoning\" must be an object.")]
    [InlineData("{\"model\":\"emulator/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"modalities\":\"text\"}", 400, "Invalid request parameters: \"modalities\" must be an array of strings.")]
    [InlineData("{\"model\":\"google/gemini-3.1-flash-image-preview\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"modalities\":[\"image\",\"text\"],\"image_config\":{\"aspect_ratio\":\"wide\"}}", 400, "Invalid request parameters: image_config.aspect_ratio \"wide\" is not a valid aspect ratio.")]
    [InlineData("{\"model\":\"google/gemini-3.1-flash-image-preview\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"modalities\":[\"image\",\"text\"],\"image_config\":{\"image_size\":\"8K\"}}", 400, "Invalid request parameters: image_config.image_size must be one of 1K, 2K, 4K (got \"8K\").")]
    [InlineData("{\"model\":\"google/veo-3.1-fast\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 404, "No endpoints found for google/veo-3.1-fast.")]
    public async Task Chat_bad_input_gets_an_OpenRouter_error(string body, int status, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, client.BaseUrl + "/chat/completions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { { "Authorization", "Bearer " + EmulatorClient.Key } },
        });

        Assert.Equal(status, (int)response.StatusCode);
        var error = (await EmulatorClient.JsonAsync(response))["error"]!;
        Assert.Equal(status, error["code"]!.GetValue<int>());
        Assert.StartsWith(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        if (!message.EndsWith(": ", StringComparison.Ordinal))
        {
            Assert.Equal(message, error["message"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("GET", "/chat/completions", 405, "Method GET is not allowed for /api/v1/chat/completions")]
    [InlineData("DELETE", "/models", 405, "Method DELETE is not allowed for /api/v1/models")]
    [InlineData("GET", "/nope", 404, "Not Found: /api/v1/nope")]
    [InlineData("GET", "/videos/job-1/thumbnail", 404, "Not Found: /api/v1/videos/job-1/thumbnail")]
    public async Task Unknown_routes_and_methods_get_OpenRouter_errors(string method, string path, int status, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.SendAsync(client.Request(new HttpMethod(method), path));

        await EmulatorClient.AssertErrorAsync(response, status, message);
    }

    [Fact]
    public async Task Paths_outside_the_api_are_not_found()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.GetAsync(client.Emulator.Origin + "v1/models");

        await EmulatorClient.AssertErrorAsync(response, 404, "Not Found: /v1/models");
    }

    /// <summary>Random JSON-ish mutations of valid bodies, sent to every POST endpoint: the answer is always an
    /// OpenRouter-shaped status below 500.</summary>
    [Fact]
    public async Task Mutated_bodies_never_cause_a_server_error()
    {
        await using var client = await EmulatorClient.StartAsync();
        var seeds = new (string Path, string Body)[]
        {
            ("/chat/completions", """{"model":"emulator/tools","stream":false,"messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"use get_weather"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AA=="}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"get_weather","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"ok"}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":["string","null"]}}}}}],"tool_choice":{"type":"function","function":{"name":"get_weather"}},"reasoning":{"effort":"high"},"max_tokens":50,"modalities":["text"],"image_config":{"aspect_ratio":"1:1"}}"""),
            ("/images", """{"model":"google/gemini-3.1-flash-image-preview","prompt":"p","n":2,"aspect_ratio":"16:9","resolution":"1K","input_references":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AA=="}}]}"""),
            ("/videos", """{"model":"google/veo-3.1-fast","prompt":"p","duration":4,"resolution":"720p","aspect_ratio":"16:9","generate_audio":true,"seed":3,"frame_images":[{"type":"image_url","image_url":{"url":"u"},"frame_type":"first_frame"}],"input_references":[{"type":"image_url","image_url":{"url":"u"}}]}"""),
            ("/audio/speech", """{"model":"hexgrad/kokoro-82m","input":"hi","voice":"af_alloy","response_format":"mp3","speed":1.0,"provider":{"order":["x"]}}"""),
        };
        string[] replacements = ["null", "true", "0", "-1", "1e308", "\"\"", "\"x\"", "[]", "{}", "[null]", "[{}]", "{\"a\":[]}"];
        var random = new Random(20261124);
        var sent = 0;

        foreach (var (path, body) in seeds)
        {
            var values = ValueSpans(body);
            for (var i = 0; i < 150; i++)
            {
                var (start, length) = values[random.Next(values.Count)];
                var mutated = body[..start] + replacements[random.Next(replacements.Length)] + body[(start + length)..];
                if (random.Next(4) == 0)
                {
                    mutated = mutated[..random.Next(mutated.Length)];
                }
                using var response = await client.PostAsync(path, mutated, headers: ("X-OpenRouter-Cache", random.Next(2) == 0 ? "true" : "false"));
                Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode} to {mutated}");
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                sent++;
            }
        }
        Assert.Equal(600, sent);
    }

    /// <summary>Where the JSON values are (after each colon and inside arrays), so mutations replace whole values.</summary>
    private static List<(int Start, int Length)> ValueSpans(string json)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] is not (':' or '[' or ','))
            {
                continue;
            }
            var start = i + 1;
            var end = start;
            var depth = 0;
            var inString = false;
            for (; end < json.Length; end++)
            {
                var c = json[end];
                if (inString)
                {
                    if (c == '\\')
                    {
                        end++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                    continue;
                }
                if (c == '"')
                {
                    inString = true;
                }
                else if (c is '{' or '[')
                {
                    depth++;
                }
                else if (c is '}' or ']')
                {
                    if (depth == 0)
                    {
                        break;
                    }
                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    break;
                }
            }
            if (end > start)
            {
                spans.Add((start, end - start));
            }
        }
        return spans;
    }
}
