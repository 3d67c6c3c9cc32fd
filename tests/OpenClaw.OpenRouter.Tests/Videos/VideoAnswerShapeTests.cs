using System.Net;
using System.Text;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Tests.Support;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>
/// Answers the emulator does not give: scripted submit, status and download answers of every shape the spec names, one
/// request after the other, to see what the client makes of them.
/// </summary>
public sealed class VideoAnswerShapeTests
{
    private const string Base = "https://openrouter.ai/api/v1";
    private const string Pending = """{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","status":"pending","generation_id":"gen-1"}""";
    private const string Completed = """{"id":"job-1","status":"completed","unsigned_urls":["https://openrouter.ai/api/v1/videos/job-1/content?index=0"],"usage":{"cost":0.9,"is_byok":true}}""";

    private static readonly OpenRouterVideoRequest Request = new() { Prompt = "A lake" };

    [Fact]
    public async Task A_submit_answered_200_is_accepted()
    {
        var (client, clock, handler, sent) = Client(Json(HttpStatusCode.OK, Pending), Json(HttpStatusCode.OK, Completed), Video("video/mp4"));

        var result = await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("job-1", result.JobId);
        Assert.Equal(0.9m, result.Cost);
        Assert.True(result.IsByok);
        Assert.Equal("gen-1", result.GenerationId); // the completed answer had none: the submit's is kept
        Assert.Equal(VideoRig.Veo, result.Model);
        Assert.Equal(4, handler.Attempts);
        Assert.Equal("https://openrouter.ai/api/v1/videos/job-1/content?index=0", sent[^1].RequestUri!.ToString());
        client.Dispose();
    }

    [Fact]
    public async Task A_submit_answer_without_a_status_is_polled()
    {
        var (client, clock, _, sent) = Client(Json(HttpStatusCode.Accepted, """{"id":"job-1","polling_url":"/api/v1/videos/job-1"}"""),
            Json(HttpStatusCode.OK, Completed), Video("video/mp4"));

        var result = await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, result.Polls);
        Assert.Equal("https://openrouter.ai/api/v1/videos/job-1", sent[2].RequestUri!.ToString());
        client.Dispose();
    }

    [Fact]
    public async Task The_completed_answers_model_and_generation_id_win()
    {
        var (client, clock, _, _) = Client(Json(HttpStatusCode.Accepted, Pending),
            Json(HttpStatusCode.OK, """{"id":"job-1","status":"completed","model":"google/veo-3.1-fast-20251015","generation_id":"gen-2"}"""), Video("video/mp4"));

        var result = await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("google/veo-3.1-fast-20251015", result.Model);
        Assert.Equal("gen-2", result.GenerationId);
        Assert.Null(result.Cost);
        Assert.Null(result.IsByok);
        client.Dispose();
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"job-1\"")]
    [InlineData("null")]
    [InlineData("<html>busy</html>")]
    [InlineData("")]
    [InlineData("""{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","unsigned_urls":"https://x/v.mp4"}""")]
    [InlineData("""{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","unsigned_urls":[""]}""")]
    [InlineData("""{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","unsigned_urls":["   "]}""")]
    [InlineData("""{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","unsigned_urls":[42]}""")]
    [InlineData("""{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","usage":"0.5"}""")]
    [InlineData("""{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","status":"done"}""")]
    [InlineData("""{"id":"job-1","polling_url":"ftp://openrouter.ai/videos/job-1","status":"pending"}""")]
    public async Task A_submit_answer_of_the_wrong_shape_is_malformed(string answer)
    {
        var (client, clock, handler, _) = Client(Json(HttpStatusCode.Accepted, answer));

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("OpenRouter video generation response malformed", error.Message);
        Assert.Equal(2, handler.Attempts);
        client.Dispose();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"polling_url":"https://openrouter.ai/api/v1/videos/job-1","status":"pending"}""")]
    [InlineData("""{"id":"job-1","status":"pending"}""")]
    [InlineData("""{"id":"  ","polling_url":"https://openrouter.ai/api/v1/videos/job-1"}""")]
    [InlineData("""{"id":7,"polling_url":"https://openrouter.ai/api/v1/videos/job-1"}""")]
    [InlineData("""{"id":"job-1","polling_url":null}""")]
    public async Task A_submit_answer_without_id_or_polling_url_misses_the_job_details(string answer)
    {
        var (client, clock, _, _) = Client(Json(HttpStatusCode.Accepted, answer));

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("OpenRouter video generation response missing job details", error.Message);
        client.Dispose();
    }

    [Fact]
    public async Task A_submit_answer_that_already_failed_throws_without_polling()
    {
        var (client, clock, handler, _) = Client(Json(HttpStatusCode.Accepted,
            """{"id":"job-1","polling_url":"https://openrouter.ai/api/v1/videos/job-1","status":"failed","error":"Prompt rejected"}"""));

        var error = await Assert.ThrowsAsync<OpenRouterVideoJobException>(() => clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("Prompt rejected", error.Message);
        Assert.Equal("failed", error.Status);
        Assert.Equal("job-1", error.JobId);
        Assert.Equal(2, handler.Attempts);
        client.Dispose();
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("cancelled")]
    [InlineData("expired")]
    public async Task A_failure_without_an_error_names_its_status(string status)
    {
        var (client, clock, _, _) = Client(Json(HttpStatusCode.Accepted, Pending), Json(HttpStatusCode.OK, $$"""{"id":"job-1","status":"{{status}}","error":"  "}"""));

        var error = await Assert.ThrowsAsync<OpenRouterVideoJobException>(() => clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal($"OpenRouter video generation {status}", error.Message);
        client.Dispose();
    }

    [Theory]
    [InlineData("queued")]
    [InlineData("pending")]
    [InlineData("in_progress")]
    [InlineData("processing")]
    [InlineData("running")]
    public async Task Every_running_status_keeps_polling(string status)
    {
        var (client, clock, _, _) = Client(Json(HttpStatusCode.Accepted, Pending), Json(HttpStatusCode.OK, $$"""{"id":"job-1","status":"{{status}}"}"""),
            Json(HttpStatusCode.OK, Completed), Video("video/mp4"));

        var result = await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, result.Polls);
        client.Dispose();
    }

    [Theory]
    [InlineData("""{"id":"job-1"}""")]
    [InlineData("""{"id":"job-1","status":""}""")]
    [InlineData("""{"id":"job-1","status":3}""")]
    public async Task A_status_answer_without_a_status_is_malformed(string answer)
    {
        var (client, clock, _, _) = Client(Json(HttpStatusCode.Accepted, Pending), Json(HttpStatusCode.OK, answer));

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("OpenRouter video generation response malformed", error.Message);
        client.Dispose();
    }

    [Theory]
    [InlineData("application/json", "OpenRouter generated video download failed: the answer is JSON (application/json), not a video")]
    [InlineData("application/problem+json", "OpenRouter generated video download failed: the answer is JSON (application/problem+json), not a video")]
    [InlineData("text/html", "OpenRouter generated video download failed: the answer is an HTML page (text/html), not a video")]
    public async Task A_download_that_is_json_or_html_is_malformed(string contentType, string message)
    {
        var (client, clock, _, _) = Client(Json(HttpStatusCode.Accepted, Pending), Json(HttpStatusCode.OK, Completed), Video(contentType));

        var error = await Assert.ThrowsAsync<OpenRouterMalformedResponseException>(() => clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(message, error.Message);
        client.Dispose();
    }

    [Theory]
    [InlineData("video/quicktime", "video/quicktime", "video-1.mov")]
    [InlineData("video/webm; codecs=vp9", "video/webm", "video-1.webm")]
    [InlineData(null, "video/mp4", "video-1.mp4")]
    [InlineData("application/octet-stream", "application/octet-stream", "video-1.mp4")]
    public async Task The_media_type_comes_from_the_content_type(string? contentType, string mediaType, string fileName)
    {
        var (client, clock, _, _) = Client(Json(HttpStatusCode.Accepted, Pending), Json(HttpStatusCode.OK, Completed), Video(contentType));

        var result = await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(mediaType, result.Video.MediaType);
        Assert.Equal(fileName, result.Video.FileName);
        client.Dispose();
    }

    [Fact]
    public async Task A_relative_unsigned_url_is_downloaded_from_the_base_origin_with_the_headers()
    {
        var (client, clock, _, sent) = Client(Json(HttpStatusCode.Accepted, Pending),
            Json(HttpStatusCode.OK, """{"id":"job-1","status":"completed","unsigned_urls":["files/job-1.mp4"]}"""),
            Video("video/mp4"));

        await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        var download = sent[^1];
        Assert.Equal("https://openrouter.ai/api/v1/files/job-1.mp4", download.RequestUri!.ToString());
        Assert.Equal("Bearer sk-or-v1-test", download.Headers.Authorization?.ToString());
        client.Dispose();
    }

    [Fact]
    public async Task An_unsigned_url_on_storage_gets_no_header_and_the_first_url_wins()
    {
        var (client, clock, _, sent) = Client(Json(HttpStatusCode.Accepted, Pending),
            Json(HttpStatusCode.OK, """{"id":"job-1","status":"completed","unsigned_urls":["https://storage.example.net/v/1.mp4?sig=abc","https://storage.example.net/v/2.mp4"]}"""),
            Video("video/mp4"));

        await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        var download = sent[^1];
        Assert.Equal("https://storage.example.net/v/1.mp4?sig=abc", download.RequestUri!.ToString());
        Assert.Empty(download.Headers);
        Assert.NotEmpty(sent[2].Headers); // the poll, on openrouter.ai
        client.Dispose();
    }

    [Fact]
    public async Task The_content_endpoint_escapes_the_job_id()
    {
        var (client, clock, _, sent) = Client(
            Json(HttpStatusCode.Accepted, """{"id":"job/1 a","polling_url":"https://openrouter.ai/api/v1/videos/job-1","status":"completed"}"""),
            Video("video/mp4"));

        var result = await clock.DriveAsync(client.GenerateVideoAsync(Request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("job/1 a", result.JobId);
        Assert.Equal("https://openrouter.ai/api/v1/videos/job%2F1%20a/content?index=0", sent[^1].RequestUri!.AbsoluteUri);
        client.Dispose();
    }

    /// <summary>A client on the canonical base whose requests get the model list (empty) and then <paramref name="steps"/>.</summary>
    private static (OpenRouterClient Client, VideoClock Clock, ScriptedHandler Handler, List<HttpRequestMessage> Sent) Client(
        params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps)
    {
        var sent = new List<HttpRequestMessage>();
        var handler = new ScriptedHandler();
        foreach (var step in steps.Prepend(Json(HttpStatusCode.OK, """{"data":[]}""")))
        {
            handler.Then((request, token) =>
            {
                sent.Add(request);
                return step(request, token);
            });
        }
        var clock = new VideoClock();
        var client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = "sk-or-v1-test",
            BaseUrl = Base,
            Attribution = OpenRouterAttribution.OpenClaw,
            Handler = handler,
            TimeProvider = clock,
            CapabilityCatalogUrl = null,
        });
        return (client, clock, handler, sent);
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Json(HttpStatusCode status, string body) =>
        (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Video(string? contentType) =>
        (_, _) =>
        {
            var content = new ByteArrayContent([0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p']);
            content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        };
}
