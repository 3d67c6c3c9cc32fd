using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter.Tests.Transport;

public sealed class ErrorResponseReaderTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_provider_error_keeps_code_message_provider_raw_and_retry_after()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-Generation-Id", "gen-1");
        var body = """{"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"{\"error\":\"slow down\"}","provider_name":"Venice","retry_after_seconds":16}},"user_id":"user_1"}"""u8;

        var details = ErrorResponseReader.FromHttpError(response, body, Time);

        Assert.Equal(429, details.StatusCode);
        Assert.Equal(429, details.Code);
        Assert.Equal("Provider returned error", details.ErrorMessage);
        Assert.Equal("Venice", details.ProviderName);
        Assert.Equal("""{"error":"slow down"}""", details.RawError);
        Assert.Equal(TimeSpan.FromSeconds(16), details.RetryAfter);
        Assert.Equal("gen-1", details.GenerationId);
        Assert.Equal("429 Provider returned error", details.FormatMessage());
    }

    [Fact]
    public void The_retry_after_header_wins_over_metadata_and_may_be_a_date()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", Time.GetUtcNow().AddSeconds(30).ToString("R"));
        var body = """{"error":{"message":"Service temporarily unavailable","code":503,"metadata":{"retry_after_seconds":99}}}"""u8;

        Assert.Equal(TimeSpan.FromSeconds(7), ErrorResponseReader.FromHttpError(seconds, body, Time).RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), ErrorResponseReader.FromHttpError(date, body, Time).RetryAfter);
    }

    [Theory]
    [InlineData("""{"error":{"code":"402","message":"Insufficient credits"}}""", 402)]
    [InlineData("""{"error":{"code":401.0,"message":"User not found."}}""", 401)]
    [InlineData("""{"error":{"code":"abc","message":"x"}}""", null)]
    public void The_code_may_be_a_string_or_a_number(string body, int? expected) =>
        Assert.Equal(expected, ErrorResponseReader.TryReadEnvelope(Encoding.UTF8.GetBytes(body))!.Code);

    [Fact]
    public void A_body_that_is_not_an_envelope_keeps_the_status_and_the_text()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { ReasonPhrase = "Bad Gateway" };

        var html = ErrorResponseReader.FromHttpError(response, "<html>upstream down</html>"u8, Time);
        var empty = ErrorResponseReader.FromHttpError(response, [], Time);

        Assert.Equal("502 <html>upstream down</html>", html.FormatMessage());
        Assert.Equal("502 Bad Gateway", empty.FormatMessage());
    }
}
