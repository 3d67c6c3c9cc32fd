using System.Net;
using System.Text;

namespace OpenClaw.OpenRouter.Tests.Support;

/// <summary>An in-process handler that answers each request with the next scripted step and counts attempts.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public ScriptedHandler ThenStatus(HttpStatusCode status, string body = "", Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public ScriptedHandler ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers until the request is cancelled.</summary>
    public ScriptedHandler ThenHang() => Then(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (!_steps.TryDequeue(out var step))
        {
            throw new InvalidOperationException($"No scripted answer for attempt {Attempts}.");
        }
        return step(request, cancellationToken);
    }
}
