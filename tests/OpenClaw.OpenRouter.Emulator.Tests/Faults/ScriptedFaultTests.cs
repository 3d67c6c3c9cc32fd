using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Tests.Support;

namespace OpenClaw.OpenRouter.Emulator.Tests.Faults;

public sealed class ScriptedFaultTests
{
    private static readonly string Chat = EmulatorClient.ChatBody("emulator/echo", "one two three four five six");
    private static readonly string ChatStream = EmulatorClient.ChatBody("emulator/echo", "one two three four five six", stream: true);

    private static Task<HttpResponseMessage> PostWithFault(EmulatorClient client, string body, string fault, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
        => client.SendAsync(client.Request(HttpMethod.Post, "/chat/completions", body, EmulatorClient.Key, ("X-Emulator-Fault", fault)), completion);

    [Fact]
    public async Task Rate_limit_answers_429_with_Retry_After_and_OpenRouters_rate_limit_headers()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, Chat, "rate-limit; retry-after=3");

        var body = await EmulatorClient.AssertErrorAsync(response, 429, "Rate limit exceeded: free-models-per-min.");
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal("20", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = response.Headers.GetValues("X-RateLimit-Reset").Single();
        Assert.Matches("^[0-9]{13}$", reset);
        Assert.Equal(reset, body["error"]!["metadata"]!["headers"]!["X-RateLimit-Reset"]!.GetValue<string>());
        Assert.Equal("user_emulator", body["user_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upstream_rate_limit_is_wrapped_as_provider_returned_error()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, Chat, "rate-limit; upstream=true; provider=Venice; retry-after=16");

        var body = await EmulatorClient.AssertErrorAsync(response, 429, "Provider returned error");
        var metadata = body["error"]!["metadata"]!;
        Assert.Equal("Venice", metadata["provider_name"]!.GetValue<string>());
        Assert.Equal(16, metadata["retry_after_seconds"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(metadata["raw"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("server-error", 500, "Internal Server Error")]
    [InlineData("bad-gateway", 502, "Provider returned error")]
    [InlineData("unavailable", 503, "Service temporarily unavailable")]
    [InlineData("status; code=408", 408, "Request timed out")]
    [InlineData("status; code=524", 524, "Edge timeout")]
    [InlineData("status; code=400; message=Context too long", 400, "Context too long")]
    public async Task Error_statuses_answer_OpenRouters_envelope(string fault, int status, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, ChatStream, fault);

        await EmulatorClient.AssertErrorAsync(response, status, message);
    }

    [Fact]
    public async Task Unavailable_can_carry_Retry_After()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, Chat, "unavailable; retry-after=7");

        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_200_can_carry_an_error_envelope()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, Chat, "error-body-200; provider=Anthropic");

        // The envelope carries the upstream error's code, the HTTP status stays 200.
        var body = await EmulatorClient.AssertErrorAsync(response, 200, "Provider returned error", code: 502);
        Assert.Equal("Anthropic", body["error"]!["metadata"]!["provider_name"]!.GetValue<string>());
        Assert.Null(body["choices"]);
    }

    [Fact]
    public async Task A_200_can_carry_partial_output_with_a_choice_error()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, Chat, "choice-error-200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var choice = (await EmulatorClient.JsonAsync(response))["choices"]![0]!;
        Assert.Equal("error", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal(502, choice["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Provider returned error", choice["error"]!["message"]!.GetValue<string>());
        Assert.Equal("Echo: one two th", choice["message"]!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mid_stream_error_keeps_the_partial_output_and_ends_with_an_error_chunk(bool done)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, ChatStream, $"mid-stream-error; after=3; code=429; message=Rate limit exceeded; done={done}");
        var sse = await SseTranscript.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(done, sse.EndsWithDone);
        var chunks = sse.Chunks;
        Assert.Equal(4, chunks.Count);
        Assert.Equal("Echo: one two ", sse.Content);
        var error = chunks[^1];
        Assert.Equal(429, error["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Rate limit exceeded", error["error"]!["message"]!.GetValue<string>());
        Assert.Equal("rate_limit_exceeded", error["error"]!["metadata"]!["error_type"]!.GetValue<string>());
        Assert.Equal("error", error["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Null(error["usage"]);
    }

    [Fact]
    public async Task Dropped_connection_fails_the_read_after_the_partial_stream()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, ChatStream, "drop; after=2", HttpCompletionOption.ResponseHeadersRead);
        var (partial, failure) = await SseTranscript.ReadUntilFailureAsync(response, TimeSpan.FromSeconds(10));

        Assert.IsNotType<OperationCanceledException>(failure);
        Assert.NotNull(failure);
        Assert.Equal(2, partial.Chunks.Count);
        Assert.False(partial.EndsWithDone);
    }

    [Fact]
    public async Task Stalled_stream_sends_nothing_more_until_it_is_cut()
    {
        await using var client = await EmulatorClient.StartAsync();
        var clock = Stopwatch.StartNew();

        using var response = await PostWithFault(client, ChatStream, "stall; after=1; ms=400", HttpCompletionOption.ResponseHeadersRead);
        var (partial, failure) = await SseTranscript.ReadUntilFailureAsync(response, TimeSpan.FromSeconds(10));

        Assert.NotNull(failure);
        Assert.IsNotType<OperationCanceledException>(failure);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(350), $"the stream ended after {clock.Elapsed}");
        Assert.Single(partial.Chunks);
        Assert.False(partial.EndsWithDone);
    }

    [Fact]
    public async Task Stall_holds_a_non_streaming_body_half_sent()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, Chat, "stall; ms=300", HttpCompletionOption.ResponseHeadersRead);
        var (partial, failure) = await SseTranscript.ReadUntilFailureAsync(response, TimeSpan.FromSeconds(10));

        Assert.NotNull(failure);
        Assert.StartsWith("{\"id\":\"gen-", partial.Raw, StringComparison.Ordinal);
        Assert.True(partial.Raw.Length < response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Slow_first_byte_delays_the_response_headers()
    {
        await using var client = await EmulatorClient.StartAsync();
        var clock = Stopwatch.StartNew();

        using var response = await PostWithFault(client, ChatStream, "slow-first-byte; ms=300", HttpCompletionOption.ResponseHeadersRead);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"headers after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Slow_stream_sends_keep_alive_comments_between_chunks()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, ChatStream, "slow-stream; interval-ms=5");
        var sse = await SseTranscript.ReadAsync(response);

        Assert.Equal(sse.Chunks.Count + 1, sse.Comments.Count);
        Assert.All(sse.Comments, comment => Assert.Equal(": OPENROUTER PROCESSING", comment));
        Assert.Equal("Echo: one two three four five six", sse.Content);
    }

    [Fact]
    public async Task Malformed_json_breaks_a_body_or_one_stream_event()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var body = await PostWithFault(client, Chat, "malformed-json");
        using var stream = await PostWithFault(client, ChatStream, "malformed-json; after=2");

        Assert.Equal(HttpStatusCode.OK, body.StatusCode);
        var text = await body.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        var sse = await SseTranscript.ReadAsync(stream);
        var broken = sse.Data.Where(d => d != "[DONE]").Where(d => !IsJson(d)).ToList();
        Assert.Single(broken);
        Assert.Equal(broken[0], sse.Data[2]);
        Assert.True(sse.EndsWithDone);
    }

    [Fact]
    public async Task Finish_reason_faults_shape_the_end_of_the_stream()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var nullFinish = await PostWithFault(client, ChatStream, "null-finish");
        using var noFinish = await PostWithFault(client, ChatStream, "no-finish");
        using var length = await PostWithFault(client, ChatStream, "length");

        var nullSse = await SseTranscript.ReadAsync(nullFinish);
        Assert.True(nullSse.EndsWithDone);
        Assert.All(nullSse.Chunks, c => Assert.Null(c["choices"]![0]!["finish_reason"]?.GetValue<string>()));
        Assert.NotNull(nullSse.Chunks[^1]["usage"]);
        var noSse = await SseTranscript.ReadAsync(noFinish);
        Assert.False(noSse.EndsWithDone);
        Assert.All(noSse.Chunks, c => Assert.Null(c["usage"]));
        Assert.Equal("Echo: one two three four five six", noSse.Content);
        var lengthSse = await SseTranscript.ReadAsync(length);
        Assert.Equal("length", lengthSse.Chunks[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal("Echo: one two th", lengthSse.Content);
    }

    [Fact]
    public async Task Oversize_pads_a_body_with_leading_whitespace()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await PostWithFault(client, Chat, "oversize; bytes=300000");

        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.All(bytes.Take(300000), b => Assert.Equal((byte)' ', b));
        Assert.Equal("Echo: one two three four five six", JsonNode.Parse(bytes.AsSpan(300000))!["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Queued_faults_hit_matching_requests_in_order_and_then_stop()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Faults.Enqueue("server-error", "/chat/completions", model: "openai/gpt-5.5", times: 2);
        client.Emulator.Faults.Enqueue("bad-gateway", "/chat/completions");

        using var otherPath = await client.GetAsync("/key");
        using var otherModel = await client.PostAsync("/chat/completions", Chat);
        using var first = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "x"));
        using var second = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("OpenAI/GPT-5.5", "x"));
        using var third = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "x"));
        using var fourth = await client.PostAsync("/chat/completions", EmulatorClient.ChatBody("openai/gpt-5.5", "x"));

        Assert.Equal(HttpStatusCode.OK, otherPath.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, otherModel.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        await EmulatorClient.AssertErrorAsync(second, 400, "OpenAI/GPT-5.5 is not a valid model ID");
        Assert.Equal(HttpStatusCode.InternalServerError, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Empty(client.Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Faults_can_be_queued_and_cleared_over_http()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var queued = await client.PostAsync(client.Emulator.Origin + "__emulator/faults", """{"fault":"rate-limit; retry-after=2","path":"/chat/completions","times":-1}""", key: null);
        using var listed = await client.GetAsync(client.Emulator.Origin + "__emulator/faults", key: null);
        using var limited1 = await client.PostAsync("/chat/completions", Chat);
        using var limited2 = await client.PostAsync("/chat/completions", Chat);
        using var cleared = await client.SendAsync(client.Request(HttpMethod.Delete, client.Emulator.Origin + "__emulator/faults", key: null));
        using var ok = await client.PostAsync("/chat/completions", Chat);
        using var unknown = await client.PostAsync(client.Emulator.Origin + "__emulator/faults", """{"fault":"gremlins"}""", key: null);

        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        Assert.Equal("rate-limit; retry-after=2", (await EmulatorClient.JsonAsync(listed))["faults"]![0]!["fault"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited1.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited2.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var error = await EmulatorClient.AssertErrorAsync(unknown, 400, $"Unknown emulator fault \"gremlins\". Known faults: {string.Join(", ", FaultNames.All)}.");
        Assert.NotNull(error);
    }

    [Fact]
    public async Task An_unknown_fault_in_the_header_is_a_clear_400()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var unknown = await PostWithFault(client, Chat, "explode");
        using var badParameter = await PostWithFault(client, Chat, "stall; forever");

        await EmulatorClient.AssertErrorAsync(unknown, 400, $"Unknown emulator fault \"explode\". Known faults: {string.Join(", ", FaultNames.All)}.");
        await EmulatorClient.AssertErrorAsync(badParameter, 400, "Fault parameter \"forever\" of \"stall\" must be written key=value.");
    }

    [Fact]
    public async Task Generic_faults_apply_to_every_operation()
    {
        await using var client = await EmulatorClient.StartAsync();
        var operations = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Get, "/models", null),
            (HttpMethod.Get, "/key", null),
            (HttpMethod.Get, "/credits", null),
            (HttpMethod.Get, "/generation?id=gen-x", null),
            (HttpMethod.Post, "/images", """{"model":"google/gemini-3.1-flash-image-preview","prompt":"a fox"}"""),
            (HttpMethod.Post, "/videos", """{"model":"google/veo-3.1-fast","prompt":"a lake"}"""),
            (HttpMethod.Post, "/audio/speech", """{"model":"hexgrad/kokoro-82m","input":"hello","voice":"af_alloy","response_format":"mp3"}"""),
        };

        foreach (var (method, path, body) in operations)
        {
            using var response = await client.SendAsync(client.Request(method, path, body, EmulatorClient.Key, ("X-Emulator-Fault", "rate-limit; retry-after=4")));
            await EmulatorClient.AssertErrorAsync(response, 429, "Rate limit exceeded: free-models-per-min.");
            Assert.Equal(TimeSpan.FromSeconds(4), response.Headers.RetryAfter?.Delta);
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            JsonDocument.Parse(text).Dispose();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
