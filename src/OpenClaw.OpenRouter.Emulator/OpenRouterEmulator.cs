using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>
/// A local HTTP server that speaks OpenRouter's API under <c>/api/v1</c> on a loopback port: chat completions
/// (streaming and not), the model catalog, generations, key and credits, images, asynchronous videos and speech,
/// with scripted faults and a journal of every request it received.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await OpenRouterEmulator.StartAsync();
/// // point a client at emulator.BaseUrl with the key ApiKeyRegistry.DefaultKey
/// </code>
/// </example>
public sealed class OpenRouterEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private OpenRouterEmulator(WebApplication app, EmulatorState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The API base URL, e.g. <c>http://127.0.0.1:5123/api/v1</c> (no trailing slash).</summary>
    public Uri BaseUrl => new(_state.Origin + EndpointRouter.ApiPrefix);

    /// <summary>The API origin, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public Uri Origin => new(_state.Origin);

    /// <summary>The second origin that serves foreign download URLs, or <see langword="null"/> when not enabled.</summary>
    public Uri? ForeignOrigin => _state.ForeignOrigin is null ? null : new Uri(_state.ForeignOrigin);

    /// <summary>Every request received, in order.</summary>
    public RequestJournal Journal => _state.Journal;

    /// <summary>Faults queued for upcoming requests.</summary>
    public FaultQueue Faults => _state.Faults;

    /// <summary>The accepted API keys.</summary>
    public ApiKeyRegistry Keys => _state.Keys;

    /// <summary>The model catalog being served; assign to swap it.</summary>
    public ModelCatalog Catalog
    {
        get => _state.Catalog;
        set => _state.Catalog = value;
    }

    /// <summary>Starts an emulator on a loopback port and returns once it accepts connections.</summary>
    public static async Task<OpenRouterEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        var state = new EmulatorState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(OpenRouterEmulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        ListenOptions? api = null;
        ListenOptions? foreign = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => api = listen);
            if (options.ForeignPort is { } foreignPort)
            {
                kestrel.Listen(IPAddress.Loopback, foreignPort, listen => foreign = listen);
            }
        });
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        var pipeline = new RequestPipeline(state, new EndpointRouter(state));
        app.Run(pipeline.InvokeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        state.Origin = $"http://127.0.0.1:{api!.IPEndPoint!.Port}";
        if (foreign is not null)
        {
            state.ForeignPort = foreign.IPEndPoint!.Port;
            state.ForeignOrigin = $"http://127.0.0.1:{state.ForeignPort}";
        }
        return new OpenRouterEmulator(app, state);
    }

    /// <summary>Stops listening and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(deadline.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C or SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);
}
