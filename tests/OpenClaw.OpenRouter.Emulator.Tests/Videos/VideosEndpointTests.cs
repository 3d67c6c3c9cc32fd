using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Tests.Support;
using static OpenClaw.OpenRouter.Emulator.Tests.Support.MediaAssertions;

namespace OpenClaw.OpenRouter.Emulator.Tests.Videos;

public sealed class VideosEndpointTests
{
    private const string Veo = "google/veo-3.1-fast";
    private const string SubmitBody = """{"model":"google/veo-3.1-fast","prompt":"A cat surfing a wave","duration":4}""";

    // ---- the happy path ----

    [Fact]
    public async Task Submit_answers_202_with_an_absolute_polling_url_on_the_emulator_origin()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/videos", SubmitBody);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var job = await EmulatorClient.JsonAsync(response);
        var id = Str(job["id"]);
        Assert.False(string.IsNullOrWhiteSpace(id));
        Assert.Equal("pending", Str(job["status"]));
        Assert.StartsWith("gen-", Str(job["generation_id"]), StringComparison.Ordinal);
        Assert.Equal(Veo, Str(job["model"]));
        var pollingUrl = new Uri(Str(job["polling_url"]));
        Assert.True(pollingUrl.IsAbsoluteUri);
        Assert.Equal(client.Emulator.Origin.GetLeftPart(UriPartial.Authority), pollingUrl.GetLeftPart(UriPartial.Authority));
        Assert.Equal($"{client.BaseUrl}/videos/{id}", pollingUrl.ToString());
        Assert.False(job.ContainsKey("unsigned_urls"));
        Assert.False(job.ContainsKey("usage"));
        Assert.False(job.ContainsKey("error"));
    }

    [Fact]
    public async Task Polls_go_in_progress_then_completed_with_a_same_origin_download_url_and_cost()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { VideoPollsToComplete = 2 });
        var submitted = await SubmitAsync(client);
        var id = Str(submitted["id"]);

        var first = await PollAsync(client, submitted);
        var second = await PollAsync(client, submitted);

        Assert.Equal("in_progress", Str(first["status"]));
        Assert.False(first.ContainsKey("unsigned_urls"));
        Assert.Equal("completed", Str(second["status"]));
        Assert.Equal(id, Str(second["id"]));
        Assert.Equal(Str(submitted["generation_id"]), Str(second["generation_id"]));
        Assert.Equal(Str(submitted["polling_url"]), Str(second["polling_url"]));
        var url = Assert.Single(Strings(second["unsigned_urls"]));
        Assert.Equal($"{client.Emulator.Origin.GetLeftPart(UriPartial.Authority)}/api/v1/videos/{id}/content?index=0", url);
        Assert.Equal(0.6m, Dec(second["usage"]!["cost"])); // 4 s at $0.15/s
        Assert.False(Bool(second["usage"]!["is_byok"]));
        Assert.False(second.ContainsKey("error"));
    }

    [Fact]
    public async Task Completed_status_stays_completed_on_later_polls()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { VideoPollsToComplete = 1 });
        var submitted = await SubmitAsync(client);

        var first = await PollAsync(client, submitted);
        var second = await PollAsync(client, submitted);

        Assert.Equal("completed", Str(first["status"]));
        Assert.Equal("completed", Str(second["status"]));
    }

    [Fact]
    public async Task Video_with_audio_is_priced_per_second_with_audio_and_billed_once()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, """{"model":"google/veo-3.1-fast","prompt":"Rain","duration":8,"generate_audio":true}""");

        await PollAsync(client, submitted);
        var completed = await PollAsync(client, submitted);
        await PollAsync(client, submitted);

        Assert.Equal(2m, Dec(completed["usage"]!["cost"])); // 8 s at $0.25/s
        using var key = await client.GetAsync("/key");
        Assert.Equal(2m, Dec((await EmulatorClient.JsonAsync(key))["data"]!["usage"]));
        using var generation = await client.GetAsync("/generation?id=" + Str(submitted["generation_id"]));
        var record = (await EmulatorClient.JsonAsync(generation))["data"]!;
        Assert.Equal(2m, Dec(record["total_cost"]));
        Assert.Equal(Veo, Str(record["model"]));
    }

    [Fact]
    public async Task Content_serves_mp4_bytes_with_the_jobs_key()
    {
        await using var client = await EmulatorClient.StartAsync();
        var completed = await CompleteAsync(client, await SubmitAsync(client));

        using var response = await client.GetAsync(Strings(completed["unsigned_urls"])[0]);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        AssertMp4(bytes);
    }

    [Fact]
    public async Task Content_without_a_key_is_401()
    {
        await using var client = await EmulatorClient.StartAsync();
        var completed = await CompleteAsync(client, await SubmitAsync(client));

        using var response = await client.GetAsync(Strings(completed["unsigned_urls"])[0], key: null);

        await EmulatorClient.AssertErrorAsync(response, 401, "No auth credentials found");
    }

    [Fact]
    public async Task Content_and_status_with_another_key_are_404()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client);
        var completed = await CompleteAsync(client, submitted);
        var id = Str(submitted["id"]);

        using var content = await client.GetAsync(Strings(completed["unsigned_urls"])[0], ApiKeyRegistry.ManagementKey);
        using var status = await client.GetAsync(Str(submitted["polling_url"]), ApiKeyRegistry.ManagementKey);

        await EmulatorClient.AssertErrorAsync(content, 404, $"Video job {id} not found");
        await EmulatorClient.AssertErrorAsync(status, 404, $"Video job {id} not found");
    }

    [Fact]
    public async Task Content_at_index_1_is_404()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client);
        await CompleteAsync(client, submitted);
        var id = Str(submitted["id"]);

        using var response = await client.GetAsync($"/videos/{id}/content?index=1");

        await EmulatorClient.AssertErrorAsync(response, 404, $"Video job {id} has no output at index 1");
    }

    [Fact]
    public async Task Content_without_an_index_serves_the_first_output()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client);
        await CompleteAsync(client, submitted);

        using var response = await client.GetAsync($"/videos/{Str(submitted["id"])}/content");

        Assert.Equal(200, (int)response.StatusCode);
        AssertMp4(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Content_before_completion_is_409()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client);
        var id = Str(submitted["id"]);

        using var pending = await client.GetAsync($"/videos/{id}/content?index=0");
        await PollAsync(client, submitted);
        using var running = await client.GetAsync($"/videos/{id}/content?index=0");

        await EmulatorClient.AssertErrorAsync(pending, 409, $"Video job {id} is pending, not completed");
        await EmulatorClient.AssertErrorAsync(running, 409, $"Video job {id} is in_progress, not completed");
    }

    [Fact]
    public async Task Unknown_job_is_404()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var status = await client.GetAsync("/videos/job-nope");
        using var content = await client.GetAsync("/videos/job-nope/content?index=0");

        await EmulatorClient.AssertErrorAsync(status, 404, "Video job job-nope not found");
        await EmulatorClient.AssertErrorAsync(content, 404, "Video job job-nope not found");
    }

    // ---- video faults ----

    [Fact]
    public async Task Video_failed_ends_failed_with_content_policy_violation()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: FaultNames.VideoFailed);

        var first = await PollAsync(client, submitted);
        var last = await PollAsync(client, submitted);

        Assert.Equal("pending", Str(submitted["status"]));
        Assert.Equal("in_progress", Str(first["status"]));
        Assert.False(first.ContainsKey("error"));
        Assert.Equal("failed", Str(last["status"]));
        Assert.Equal("Content policy violation", Str(last["error"]));
        Assert.False(last.ContainsKey("unsigned_urls"));
        Assert.False(last.ContainsKey("usage"));
        await AssertNotBilledAsync(client, submitted);
    }

    [Fact]
    public async Task Video_failed_carries_a_custom_error()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: "video-failed; error=The prompt was refused by the provider");

        await PollAsync(client, submitted);
        var last = await PollAsync(client, submitted);

        Assert.Equal("failed", Str(last["status"]));
        Assert.Equal("The prompt was refused by the provider", Str(last["error"]));
    }

    [Fact]
    public async Task Video_failed_job_cannot_be_downloaded()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: FaultNames.VideoFailed);
        await PollAsync(client, submitted);
        await PollAsync(client, submitted);
        var id = Str(submitted["id"]);

        using var response = await client.GetAsync($"/videos/{id}/content?index=0");

        await EmulatorClient.AssertErrorAsync(response, 409, $"Video job {id} is failed, not completed");
    }

    [Theory]
    [InlineData(FaultNames.VideoExpired, "expired", "Video generation job expired")]
    [InlineData(FaultNames.VideoCancelled, "cancelled", "Video generation job was cancelled")]
    public async Task Video_terminal_failure_statuses(string fault, string status, string error)
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: fault);

        var first = await PollAsync(client, submitted);
        var last = await PollAsync(client, submitted);

        Assert.Equal("in_progress", Str(first["status"]));
        Assert.Equal(status, Str(last["status"]));
        Assert.Equal(error, Str(last["error"]));
        Assert.False(last.ContainsKey("unsigned_urls"));
        await AssertNotBilledAsync(client, submitted);
    }

    [Fact]
    public async Task Video_never_finishes_stays_in_progress()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: FaultNames.VideoNeverFinishes);

        for (var poll = 1; poll <= 6; poll++)
        {
            var status = await PollAsync(client, submitted);
            Assert.Equal("in_progress", Str(status["status"]));
            Assert.False(status.ContainsKey("unsigned_urls"));
        }
    }

    [Fact]
    public async Task Video_unknown_status_reports_reticulating()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: FaultNames.VideoUnknownStatus);

        var first = await PollAsync(client, submitted);
        var last = await PollAsync(client, submitted);

        Assert.Equal("in_progress", Str(first["status"]));
        Assert.Equal("reticulating", Str(last["status"]));
        Assert.False(last.ContainsKey("unsigned_urls"));
        Assert.False(last.ContainsKey("error"));
    }

    [Fact]
    public async Task Video_unknown_status_takes_a_custom_status()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: "video-unknown-status; status=splining");

        await PollAsync(client, submitted);
        var last = await PollAsync(client, submitted);

        Assert.Equal("splining", Str(last["status"]));
    }

    [Fact]
    public async Task Video_completed_on_submit_answers_completed_at_once()
    {
        await using var client = await EmulatorClient.StartAsync();

        var submitted = await SubmitAsync(client, fault: FaultNames.VideoCompletedOnSubmit);

        Assert.Equal("completed", Str(submitted["status"]));
        var url = Assert.Single(Strings(submitted["unsigned_urls"]));
        Assert.Equal(0.6m, Dec(submitted["usage"]!["cost"]));
        using var content = await client.GetAsync(url);
        Assert.Equal(200, (int)content.StatusCode);
        AssertMp4(await content.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var poll = await PollAsync(client, submitted);
        Assert.Equal("completed", Str(poll["status"]));
    }

    [Fact]
    public async Task Video_relative_polling_url_is_a_path_that_resolves_against_the_origin()
    {
        await using var client = await EmulatorClient.StartAsync();

        var submitted = await SubmitAsync(client, fault: FaultNames.VideoRelativePollingUrl);

        var id = Str(submitted["id"]);
        Assert.Equal($"/api/v1/videos/{id}", Str(submitted["polling_url"]));
        var resolved = new Uri(client.Emulator.Origin, Str(submitted["polling_url"]));
        using var poll = await client.GetAsync(resolved.ToString());
        var status = await EmulatorClient.JsonAsync(poll);
        Assert.Equal(200, (int)poll.StatusCode);
        Assert.Equal("in_progress", Str(status["status"]));
        Assert.Equal($"/api/v1/videos/{id}", Str(status["polling_url"]));
    }

    [Fact]
    public async Task Video_no_unsigned_urls_completes_without_them_but_the_content_endpoint_serves()
    {
        await using var client = await EmulatorClient.StartAsync();
        var submitted = await SubmitAsync(client, fault: FaultNames.VideoNoUnsignedUrls);

        var completed = await CompleteAsync(client, submitted);

        Assert.Equal("completed", Str(completed["status"]));
        Assert.False(completed.ContainsKey("unsigned_urls"));
        Assert.Equal(0.6m, Dec(completed["usage"]!["cost"]));
        using var content = await client.GetAsync($"/videos/{Str(submitted["id"])}/content?index=0");
        Assert.Equal(200, (int)content.StatusCode);
        Assert.Equal("video/mp4", content.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Video_foreign_urls_point_at_the_foreign_origin_which_needs_no_credentials()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { ForeignPort = 0, VideoPollsToComplete = 2 });
        var emulator = client.Emulator;
        Assert.NotNull(emulator.ForeignOrigin);
        var foreignOrigin = emulator.ForeignOrigin.ToString().TrimEnd('/');
        Assert.NotEqual(emulator.Origin, emulator.ForeignOrigin);
        var submitted = await SubmitAsync(client, fault: FaultNames.VideoForeignUrls);
        var completed = await CompleteAsync(client, submitted);
        var url = new Uri(Assert.Single(Strings(completed["unsigned_urls"])));
        Assert.Equal(foreignOrigin, url.GetLeftPart(UriPartial.Authority));

        using var plain = new HttpClient();
        using var response = await plain.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        AssertMp4(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var foreign = Assert.Single(emulator.Journal.Entries, e => e.Origin == foreignOrigin);
        Assert.Equal("GET", foreign.Method);
        Assert.Equal(url.AbsolutePath, foreign.Path);
        Assert.Null(foreign.Header("Authorization"));
        var submit = Assert.Single(emulator.Journal.For("/api/v1/videos"));
        Assert.Equal(emulator.Origin.ToString().TrimEnd('/'), submit.Origin);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, submit.Header("Authorization"));
    }

    [Fact]
    public async Task Video_foreign_urls_are_not_served_before_completion_or_for_unknown_jobs()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { ForeignPort = 0 });
        var submitted = await SubmitAsync(client, fault: FaultNames.VideoForeignUrls);
        var foreignOrigin = client.Emulator.ForeignOrigin!.ToString().TrimEnd('/');
        using var plain = new HttpClient();

        using var early = await plain.GetAsync($"{foreignOrigin}/media/videos/{Str(submitted["id"])}/0.mp4", TestContext.Current.CancellationToken);
        using var unknown = await plain.GetAsync($"{foreignOrigin}/media/videos/job-nope/0.mp4", TestContext.Current.CancellationToken);
        using var api = await plain.GetAsync($"{foreignOrigin}/api/v1/models", TestContext.Current.CancellationToken);

        await EmulatorClient.AssertErrorAsync(early, 409, $"Video job {Str(submitted["id"])} is pending, not completed");
        await EmulatorClient.AssertErrorAsync(unknown, 404, "Not Found");
        await EmulatorClient.AssertErrorAsync(api, 404, "Not Found");
    }

    [Fact]
    public async Task Video_foreign_urls_without_a_foreign_port_is_400()
    {
        await using var client = await EmulatorClient.StartAsync();
        Assert.Null(client.Emulator.ForeignOrigin);

        using var response = await client.PostAsync("/videos", SubmitBody, EmulatorClient.Key, (RequestPipeline.FaultHeader, FaultNames.VideoForeignUrls));

        await EmulatorClient.AssertErrorAsync(response, 400, "Fault \"video-foreign-urls\" needs the emulator's foreign origin (start it with a foreign port).");
    }

    [Fact]
    public async Task Video_html_content_serves_an_html_page()
    {
        await using var client = await EmulatorClient.StartAsync();
        var completed = await CompleteAsync(client, await SubmitAsync(client, fault: FaultNames.VideoHtmlContent));

        using var response = await client.GetAsync(Strings(completed["unsigned_urls"])[0]);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<!doctype html>", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Video_empty_content_serves_zero_bytes()
    {
        await using var client = await EmulatorClient.StartAsync();
        var completed = await CompleteAsync(client, await SubmitAsync(client, fault: FaultNames.VideoEmptyContent));

        using var response = await client.GetAsync(Strings(completed["unsigned_urls"])[0]);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Video_webm_serves_webm_bytes()
    {
        await using var client = await EmulatorClient.StartAsync();
        var completed = await CompleteAsync(client, await SubmitAsync(client, fault: FaultNames.VideoWebM));

        using var response = await client.GetAsync(Strings(completed["unsigned_urls"])[0]);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("video/webm", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0x1A, 0x45, 0xDF, 0xA3], bytes[..4]);
        AssertWebM(bytes);
    }

    [Fact]
    public async Task Video_webm_on_the_foreign_origin_has_a_webm_url()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { ForeignPort = 0 });
        var completed = await CompleteAsync(client, await SubmitAsync(client, fault: $"{FaultNames.VideoWebM}, {FaultNames.VideoForeignUrls}"));
        var url = Assert.Single(Strings(completed["unsigned_urls"]));
        Assert.EndsWith("/0.webm", url, StringComparison.Ordinal);

        using var plain = new HttpClient();
        using var response = await plain.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal("video/webm", response.Content.Headers.ContentType?.MediaType);
        AssertWebM(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Oversize_video_download_has_exactly_the_scripted_length()
    {
        await using var client = await EmulatorClient.StartAsync();
        var completed = await CompleteAsync(client, await SubmitAsync(client, fault: "oversize; bytes=5000000"));

        using var request = client.Request(HttpMethod.Get, Strings(completed["unsigned_urls"])[0]);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(5_000_000, response.Content.Headers.ContentLength);
        var (length, head) = await ReadCountingAsync(response);
        Assert.Equal(5_000_000, length);
        AssertMp4(head);
    }

    [Fact]
    public async Task Oversize_on_the_submit_pads_the_download_not_the_submit_answer()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/videos", SubmitBody, EmulatorClient.Key, (RequestPipeline.FaultHeader, "oversize; bytes=5000000"));

        Assert.Equal(202, (int)response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength < 4096,
            $"The submit answer should be a small JSON object; it was {response.Content.Headers.ContentLength} bytes.");
        Assert.Equal("pending", Str((await EmulatorClient.JsonAsync(response))["status"]));
    }

    [Fact]
    public async Task Oversize_on_the_download_request_pads_the_download()
    {
        await using var client = await EmulatorClient.StartAsync();
        var completed = await CompleteAsync(client, await SubmitAsync(client));

        using var request = client.Request(HttpMethod.Get, Strings(completed["unsigned_urls"])[0], null, EmulatorClient.Key, (RequestPipeline.FaultHeader, "oversize; bytes=5000000"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(5_000_000, response.Content.Headers.ContentLength);
        var (length, head) = await ReadCountingAsync(response);
        Assert.Equal(5_000_000, length);
        AssertMp4(head);
    }

    [Fact]
    public async Task Video_faults_can_be_queued_for_the_submit()
    {
        await using var client = await EmulatorClient.StartAsync();
        client.Emulator.Faults.Enqueue(FaultNames.VideoFailed, "/videos", Veo);

        var failing = await SubmitAsync(client);
        var healthy = await SubmitAsync(client);
        await PollAsync(client, failing);
        await PollAsync(client, healthy);

        Assert.Equal("failed", Str((await PollAsync(client, failing))["status"]));
        Assert.Equal("completed", Str((await PollAsync(client, healthy))["status"]));
    }

    // ---- the origin behind a proxy ----

    [Fact]
    public async Task Forwarded_origin_puts_polling_and_download_urls_on_the_origin_the_client_called()
    {
        await using var client = await EmulatorClient.StartAsync(new EmulatorOptions { VideoPollsToComplete = 1 });
        (string, string)[] forwarded = [("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "openrouter.ai")];

        using var submit = await client.PostAsync("/videos", SubmitBody, EmulatorClient.Key, forwarded);
        var submitted = await EmulatorClient.JsonAsync(submit);
        var id = Str(submitted["id"]);
        using var poll = await client.GetAsync($"/videos/{id}", EmulatorClient.Key, forwarded);
        var completed = await EmulatorClient.JsonAsync(poll);

        Assert.Equal($"https://openrouter.ai/api/v1/videos/{id}", Str(submitted["polling_url"]));
        Assert.Equal($"https://openrouter.ai/api/v1/videos/{id}", Str(completed["polling_url"]));
        Assert.Equal($"https://openrouter.ai/api/v1/videos/{id}/content?index=0", Assert.Single(Strings(completed["unsigned_urls"])));
    }

    [Fact]
    public async Task Forwarded_origin_keeps_a_non_default_port_and_takes_the_first_of_several_values()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var submit = await client.PostAsync("/videos", SubmitBody, EmulatorClient.Key,
            ("X-Forwarded-Proto", "http, https"), ("X-Forwarded-Host", "proxy.example.com:8443, inner.example"));
        var submitted = await EmulatorClient.JsonAsync(submit);

        Assert.Equal($"http://proxy.example.com:8443/api/v1/videos/{Str(submitted["id"])}", Str(submitted["polling_url"]));
    }

    [Theory]
    [InlineData("ftp", "openrouter.ai")]
    [InlineData("https", "")]
    [InlineData("https", "openrouter.ai/evil")]
    [InlineData("https", "user@openrouter.ai")]
    public async Task Forwarded_origin_that_is_incomplete_or_not_an_origin_is_ignored(string proto, string host)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var submit = await client.PostAsync("/videos", SubmitBody, EmulatorClient.Key, ("X-Forwarded-Proto", proto), ("X-Forwarded-Host", host));
        var submitted = await EmulatorClient.JsonAsync(submit);

        Assert.Equal($"{client.BaseUrl}/videos/{Str(submitted["id"])}", Str(submitted["polling_url"]));
    }

    [Fact]
    public async Task Forwarded_host_alone_is_ignored()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var submit = await client.PostAsync("/videos", SubmitBody, EmulatorClient.Key, ("X-Forwarded-Host", "openrouter.ai"));
        var submitted = await EmulatorClient.JsonAsync(submit);

        Assert.Equal($"{client.BaseUrl}/videos/{Str(submitted["id"])}", Str(submitted["polling_url"]));
    }

    // ---- validation ----

    [Theory]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","duration":5}""", "duration 5 is not supported by google/veo-3.1-fast. Supported durations: 4, 6, 8")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","resolution":"1080P"}""", "resolution \"1080P\" is not supported by google/veo-3.1-fast. Supported values: 720p, 1080p")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","aspect_ratio":"4:3"}""", "aspect_ratio \"4:3\" is not supported by google/veo-3.1-fast. Supported values: 16:9, 9:16")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","size":"640x480"}""", "size \"640x480\" is not supported by google/veo-3.1-fast. Supported values: 1280x720, 720x1280, 1920x1080, 1080x1920")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","input_references":[{"type":"video_url","video_url":{"url":"https://example.com/a.mp4"}}]}""", "google/veo-3.1-fast does not accept video references: video-to-video is not supported.")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","input_references":[{"type":"image_url"}]}""", "Invalid request parameters: input_references must be an array of {type:\"image_url\", image_url:{url}}.")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","seed":1.5}""", "Invalid request parameters: \"seed\" must be an integer.")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","generate_audio":"yes"}""", "Invalid request parameters: \"generate_audio\" must be a boolean.")]
    [InlineData("""{"model":"google/veo-3.1-fast","prompt":"A cat","frame_images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"},"frame_type":"middle_frame"}]}""", "Invalid request parameters: frame_images must be at most two {type:\"image_url\", image_url:{url}, frame_type:\"first_frame\"|\"last_frame\"} items.")]
    [InlineData("""{"model":"google/veo-3.1-fast"}""", "Invalid request parameters: \"prompt\" is required.")]
    [InlineData("""{"prompt":"A cat"}""", "Invalid request parameters: \"model\" is required.")]
    [InlineData("""{"model":"acme/imaginary-video","prompt":"A cat"}""", "acme/imaginary-video is not a valid model ID")]
    public async Task Submit_with_a_value_outside_the_models_capabilities_is_400(string json, string message)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/videos", json);

        await EmulatorClient.AssertErrorAsync(response, 400, message);
    }

    [Fact]
    public async Task Submit_accepts_every_supported_value()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/videos", """
            {"model":"google/veo-3.1-fast","prompt":"A cat","duration":8,"resolution":"1080p","aspect_ratio":"9:16","generate_audio":false,"seed":42,
             "frame_images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"},"frame_type":"first_frame"},
                             {"type":"image_url","image_url":{"url":"data:image/png;base64,BBBB"},"frame_type":"last_frame"}],
             "input_references":[{"type":"image_url","image_url":{"url":"data:image/png;base64,CCCC"}}]}
            """);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal("pending", Str((await EmulatorClient.JsonAsync(response))["status"]));
    }

    [Fact]
    public async Task Submit_for_a_model_that_makes_no_video_is_404()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/videos", """{"model":"openai/gpt-5.5","prompt":"A cat"}""");

        await EmulatorClient.AssertErrorAsync(response, 404, "No endpoints found that support video generation for openai/gpt-5.5.");
    }

    [Fact]
    public async Task Submit_with_a_malformed_body_is_400()
    {
        await using var client = await EmulatorClient.StartAsync();

        using var response = await client.PostAsync("/videos", "{\"model\":\"google/veo-3.1-fast\",");

        Assert.Equal(400, (int)response.StatusCode);
        var error = await EmulatorClient.JsonAsync(response);
        Assert.StartsWith("Invalid JSON in request body: ", Str(error["error"]!["message"]), StringComparison.Ordinal);
    }

    // ---- helpers ----

    private static async Task<JsonObject> SubmitAsync(EmulatorClient client, string body = SubmitBody, string? fault = null)
    {
        using var response = fault is null
            ? await client.PostAsync("/videos", body)
            : await client.PostAsync("/videos", body, EmulatorClient.Key, (RequestPipeline.FaultHeader, fault));
        Assert.Equal(202, (int)response.StatusCode);
        return await EmulatorClient.JsonAsync(response);
    }

    private static async Task<JsonObject> PollAsync(EmulatorClient client, JsonObject job)
    {
        var pollingUrl = new Uri(client.Emulator.Origin, Str(job["polling_url"]));
        using var response = await client.GetAsync(pollingUrl.ToString());
        Assert.Equal(200, (int)response.StatusCode);
        var status = await EmulatorClient.JsonAsync(response);
        Assert.Equal(Str(job["id"]), Str(status["id"]));
        return status;
    }

    private static async Task<JsonObject> CompleteAsync(EmulatorClient client, JsonObject job)
    {
        for (var poll = 0; poll < 10; poll++)
        {
            var status = await PollAsync(client, job);
            if (Str(status["status"]) == "completed")
            {
                return status;
            }
            Assert.Equal("in_progress", Str(status["status"]));
        }
        Assert.Fail($"Job {Str(job["id"])} did not complete in 10 polls.");
        return null!;
    }

    private static async Task AssertNotBilledAsync(EmulatorClient client, JsonObject job)
    {
        using var key = await client.GetAsync("/key");
        Assert.Equal(0m, Dec((await EmulatorClient.JsonAsync(key))["data"]!["usage"]));
        using var generation = await client.GetAsync("/generation?id=" + Str(job["generation_id"]));
        Assert.Equal(404, (int)generation.StatusCode);
    }
}
