using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Media;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Media;

/// <summary>The shared HTTP layer of image, video and speech requests, against scripted answers on a fake clock.</summary>
public sealed class MediaHttpTests
{
    private const string Operation = "OpenRouter video status request failed";
    private static readonly Uri Target = new("https://openrouter.ai/api/v1/videos/job-1");

    private static readonly KeyValuePair<string, string>[] Credentials =
    [
        new("Authorization", "Bearer sk-or-v1-test"),
        new("HTTP-Referer", "https://openclaw.ai"),
        new("X-OpenRouter-Title", "OpenClaw"),
        new("Content-Type", "text/plain"),
    ];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_2xx_answer_comes_back_whole_with_its_media_type_and_generation_id()
    {
        var handler = new ScriptedHandler().Then((_, _) =>
        {
            var response = Answer(HttpStatusCode.Accepted, "video-bytes", "video/webm; codecs=vp9");
            response.Headers.Add("X-Generation-Id", "gen-9");
            return Task.FromResult(response);
        });
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var response = await http.SendAsync(Get(), TestContext.Current.CancellationToken);

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("video/webm", response.MediaType);
        Assert.Equal("video-bytes", Encoding.UTF8.GetString(response.Body));
        Assert.False(response.Overflowed);
        Assert.Equal(Target, response.Url);
        Assert.Equal("gen-9", response.GenerationId);
    }

    [Fact]
    public async Task A_json_body_is_posted_as_application_json_and_content_type_headers_are_not_duplicated()
    {
        HttpRequestMessage? seen = null;
        string? body = null;
        var handler = new ScriptedHandler().Then(async (request, token) =>
        {
            seen = request;
            body = await request.Content!.ReadAsStringAsync(token);
            return Answer(HttpStatusCode.OK, "{}", "application/json");
        });
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        await http.SendAsync(Get() with { Method = HttpMethod.Post, JsonBody = "{\"a\":1}"u8.ToArray() }, TestContext.Current.CancellationToken);

        Assert.Equal("{\"a\":1}", body);
        Assert.Equal("application/json", seen!.Content!.Headers.ContentType!.ToString());
        Assert.Equal("Bearer sk-or-v1-test", seen.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task A_get_carries_no_content_type()
    {
        HttpRequestMessage? seen = null;
        var handler = new ScriptedHandler().Then((request, _) =>
        {
            seen = request;
            return Task.FromResult(Answer(HttpStatusCode.OK, "{}", "application/json"));
        });
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        await http.SendAsync(Get(), TestContext.Current.CancellationToken);

        Assert.Null(seen!.Content);
        Assert.Equal(["Authorization", "HTTP-Referer", "X-OpenRouter-Title"], seen.Headers.Select(header => header.Key));
    }

    // ---- errors ----

    [Fact]
    public async Task An_http_error_is_typed_and_labelled_with_the_request_id_of_the_envelope()
    {
        var handler = new ScriptedHandler().ThenStatus(HttpStatusCode.TooManyRequests,
            """{"error":{"code":429,"message":"Rate limit exceeded","metadata":{"request_id":"req-123"}}}""",
            response => response.Headers.Add("Retry-After", "7"));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => http.SendAsync(Get(), TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter video status request failed (HTTP 429): Rate limit exceeded [request_id=req-123]", error.Message);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal("req-123", error.Details.RequestId);
    }

    [Fact]
    public async Task The_request_id_header_names_the_request_when_the_body_does_not()
    {
        var handler = new ScriptedHandler().ThenStatus(HttpStatusCode.BadGateway, """{"error":{"code":502,"message":"Provider returned error"}}""",
            response => response.Headers.Add("X-Request-Id", "req-hdr"));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => http.SendAsync(Get(), TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter video status request failed (HTTP 502): Provider returned error [request_id=req-hdr]", error.Message);
    }

    [Fact]
    public async Task An_error_without_an_envelope_keeps_its_text()
    {
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.Forbidden, "denied by proxy", "text/plain")));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterPermissionDeniedException>(() => http.SendAsync(Get(), TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter video status request failed (HTTP 403): denied by proxy", error.Message);
        Assert.Null(error.Details.RequestId);
    }

    [Fact]
    public async Task A_broken_connection_is_a_network_error_labelled_with_the_operation()
    {
        var handler = new ScriptedHandler().ThenThrow(new HttpRequestException("Connection refused"));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterNetworkException>(() => http.SendAsync(Get(), TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter video status request failed: network connection error.", error.Message);
        Assert.True(error.BeforeResponse);
    }

    [Fact]
    public async Task A_refused_host_surfaces_as_the_blocked_error_itself()
    {
        var blocked = new OpenRouterBlockedNetworkException { Host = "10.0.0.7" };
        var handler = new ScriptedHandler().ThenThrow(new HttpRequestException("connect failed", blocked));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterBlockedNetworkException>(() => http.SendAsync(Get(), TestContext.Current.CancellationToken));

        Assert.Same(blocked, error);
        Assert.Equal("Blocked hostname or private/internal/special-use IP address", error.Message);
        Assert.False(error.IsTransient);
    }

    // ---- the byte cap ----

    [Fact]
    public async Task A_body_over_the_cap_is_an_error_unless_overflow_is_allowed()
    {
        var handler = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, new string('x', 101), "video/mp4")))
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, new string('x', 101), "video/mp4")));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => http.SendAsync(Get() with { MaxBytes = 100 }, TestContext.Current.CancellationToken));
        var overflow = await http.SendAsync(Get() with { MaxBytes = 100, OverflowAllowed = true }, TestContext.Current.CancellationToken);

        Assert.Equal("OpenRouter video status request failed: the answer is larger than 100 bytes", error.Message);
        Assert.True(overflow.Overflowed);
        Assert.Empty(overflow.Body);
        Assert.Equal("video/mp4", overflow.MediaType);
    }

    [Fact]
    public async Task A_body_exactly_at_the_cap_is_read()
    {
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, new string('x', 100), "video/mp4")));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var response = await http.SendAsync(Get() with { MaxBytes = 100 }, TestContext.Current.CancellationToken);

        Assert.Equal(100, response.Body.Length);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_overflows_without_reading_and_a_streamed_one_is_cut()
    {
        var handler = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new NeverReadContent(1_000_000) }))
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(new byte[300_000])) }));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var declared = await http.SendAsync(Get() with { MaxBytes = 1000, OverflowAllowed = true }, TestContext.Current.CancellationToken);
        var streamed = await http.SendAsync(Get() with { MaxBytes = 100_000, OverflowAllowed = true }, TestContext.Current.CancellationToken);

        Assert.True(declared.Overflowed);
        Assert.True(streamed.Overflowed);
        Assert.Empty(streamed.Body);
    }

    // ---- the time limit ----

    [Fact]
    public async Task A_call_over_its_time_limit_is_a_deadline_timeout_on_the_time_provider()
    {
        var handler = new ScriptedHandler().ThenHang();
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var call = http.SendAsync(Get() with { Timeout = TimeSpan.FromSeconds(3) }, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => call);
        Assert.Equal(OpenRouterTimeoutKind.Deadline, error.Kind);
        Assert.Equal("OpenRouter video status request failed: no answer within 3000 ms", error.Message);
    }

    [Fact]
    public async Task An_infinite_time_limit_is_no_limit()
    {
        var handler = new ScriptedHandler().ThenHang();
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = http.SendAsync(Get() with { Timeout = Timeout.InfiniteTimeSpan }, cancellation.Token);
        _time.Advance(TimeSpan.FromDays(365));
        Assert.False(call.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        var handler = new ScriptedHandler().ThenHang();
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);
        using var cancellation = new CancellationTokenSource();

        var call = http.SendAsync(Get(), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    // ---- redirects ----

    [Fact]
    public async Task A_redirect_on_the_same_origin_keeps_the_headers()
    {
        var seen = new List<HttpRequestMessage>();
        var handler = new ScriptedHandler()
            .Then(Redirect(HttpStatusCode.Found, "/api/v1/videos/job-1/content?index=0", seen))
            .Then(Ok(seen));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var response = await http.SendAsync(Get(), TestContext.Current.CancellationToken);

        Assert.Equal("https://openrouter.ai/api/v1/videos/job-1/content?index=0", seen[1].RequestUri!.ToString());
        Assert.Equal("Bearer sk-or-v1-test", seen[1].Headers.Authorization!.ToString());
        Assert.Equal("OpenClaw", seen[1].Headers.GetValues("X-OpenRouter-Title").Single());
        Assert.Equal(seen[1].RequestUri, response.Url);
    }

    [Theory]
    [InlineData("https://storage.example.net/v/1.mp4?sig=abc")]
    [InlineData("http://openrouter.ai/api/v1/videos/job-1/content")]      // another scheme
    [InlineData("https://openrouter.ai:8443/api/v1/videos/job-1/content")] // another port
    [InlineData("https://eu.openrouter.ai/api/v1/videos/job-1/content")]   // another host
    public async Task A_redirect_to_another_origin_drops_every_header(string location)
    {
        var seen = new List<HttpRequestMessage>();
        var handler = new ScriptedHandler()
            .Then(Redirect(HttpStatusCode.TemporaryRedirect, location, seen))
            .Then(Redirect(HttpStatusCode.Found, "/again", seen))
            .Then(Ok(seen));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var response = await http.SendAsync(Get(), TestContext.Current.CancellationToken);

        Assert.NotEmpty(seen[0].Headers);
        Assert.Equal(location, seen[1].RequestUri!.ToString());
        Assert.Empty(seen[1].Headers);
        Assert.Empty(seen[2].Headers); // back on a path of the new origin: still nothing
        Assert.Equal(new Uri(new Uri(location), "/again"), response.Url);
    }

    [Fact]
    public async Task A_303_after_a_post_becomes_a_get_without_the_body()
    {
        var seen = new List<HttpRequestMessage>();
        var handler = new ScriptedHandler()
            .Then(Redirect(HttpStatusCode.SeeOther, "/api/v1/videos/job-1", seen))
            .Then(Ok(seen));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        await http.SendAsync(Get() with { Method = HttpMethod.Post, JsonBody = "{}"u8.ToArray() }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpMethod.Post, seen[0].Method);
        Assert.Equal(HttpMethod.Get, seen[1].Method);
        Assert.Null(seen[1].Content);
    }

    [Fact]
    public async Task A_307_repeats_the_post_with_its_body()
    {
        var seen = new List<HttpRequestMessage>();
        var bodies = new List<string>();
        var handler = new ScriptedHandler()
            .Then(async (request, token) =>
            {
                bodies.Add(await request.Content!.ReadAsStringAsync(token));
                return await Redirect(HttpStatusCode.TemporaryRedirect, "/api/v1/videos2", seen)(request, token);
            })
            .Then(async (request, token) =>
            {
                bodies.Add(await request.Content!.ReadAsStringAsync(token));
                return await Ok(seen)(request, token);
            });
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        await http.SendAsync(Get() with { Method = HttpMethod.Post, JsonBody = "{\"n\":1}"u8.ToArray() }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpMethod.Post, seen[1].Method);
        Assert.Equal(["{\"n\":1}", "{\"n\":1}"], bodies);
    }

    [Fact]
    public async Task Too_many_redirects_is_an_error()
    {
        var seen = new List<HttpRequestMessage>();
        var handler = new ScriptedHandler();
        for (var i = 0; i < 6; i++)
        {
            handler.Then(Redirect(HttpStatusCode.Found, $"/hop/{i}", seen));
        }
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterException>(() => http.SendAsync(Get(), TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter video status request failed (HTTP 302): too many redirects", error.Message);
        Assert.Equal(6, handler.Attempts);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_than_http_is_refused()
    {
        var seen = new List<HttpRequestMessage>();
        var handler = new ScriptedHandler().Then(Redirect(HttpStatusCode.Found, "file:///etc/passwd", seen));
        using var http = new MediaHttp(handler, allowPrivateNetwork: false, _time);

        var error = await Assert.ThrowsAsync<OpenRouterException>(() => http.SendAsync(Get(), TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter video status request failed (HTTP 302): redirect to an unsupported URL scheme (file)", error.Message);
    }

    [Theory]
    [InlineData("https://openrouter.ai/api/v1", "https://openrouter.ai/x", true)]
    [InlineData("https://openrouter.ai/api/v1", "https://OPENROUTER.AI:443/x", true)]
    [InlineData("https://openrouter.ai/api/v1", "http://openrouter.ai/x", false)]
    [InlineData("https://openrouter.ai/api/v1", "https://openrouter.ai:444/x", false)]
    [InlineData("https://openrouter.ai/api/v1", "https://eu.openrouter.ai/x", false)]
    [InlineData("http://127.0.0.1:8089/v1", "http://127.0.0.1:8089/files", true)]
    [InlineData("http://127.0.0.1:8089/v1", "http://localhost:8089/files", false)]
    public void Same_origin_means_scheme_host_and_port(string a, string b, bool same) =>
        Assert.Equal(same, MediaHttp.SameOrigin(new Uri(a), new Uri(b)));

    private static MediaRequest Get() => new()
    {
        Method = HttpMethod.Get,
        Url = Target,
        Headers = Credentials,
        Operation = Operation,
        MaxBytes = 1024 * 1024,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return new HttpResponseMessage(status) { Content = content };
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Redirect(HttpStatusCode status, string location, List<HttpRequestMessage> seen) =>
        (request, _) =>
        {
            seen.Add(request);
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
            response.Headers.TryAddWithoutValidation("Location", location); // parsed as a real answer's header is
            return Task.FromResult(response);
        };

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Ok(List<HttpRequestMessage> seen) =>
        (request, _) =>
        {
            seen.Add(request);
            return Task.FromResult(Answer(HttpStatusCode.OK, "video", "video/mp4"));
        };

    /// <summary>Declares a length and fails if anyone reads it: an over-cap declaration must not be read.</summary>
    private sealed class NeverReadContent : HttpContent
    {
        public NeverReadContent(long length) => Headers.ContentLength = length;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new InvalidOperationException("The body was read.");

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength ?? 0;
            return true;
        }
    }
}
