using OpenClaw.Agent.Sessions;

namespace OpenClaw.Agent.Tests.Sessions;

public sealed class SessionTurnLockTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string SessionsDirectory => _directory.Combine("agents", "main", "sessions");

    [Fact]
    public async Task The_lock_file_sits_in_an_owner_only_locks_directory_with_a_hashed_name()
    {
        var key = SessionKey.Explicit("main", "weird:id.with-colons");

        using var held = await SessionTurnLock.AcquireAsync(SessionsDirectory, key, Long, TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine(SessionsDirectory, "locks"), Path.GetDirectoryName(held.Path));
        Assert.Matches("^[0-9a-f]{32}\\.lock$", Path.GetFileName(held.Path));
        Assert.Equal(key, held.Key);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(held.Path)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(held.Path));
    }

    [Fact]
    public void Different_keys_get_different_lock_files()
    {
        var names = new[] { SessionKey.Main(), SessionKey.Main("ops"), SessionKey.Explicit("main", "a"), SessionKey.Explicit("main", "A") }
            .Select(SessionTurnLock.FileNameFor);

        Assert.Equal(4, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task A_second_turn_waits_until_the_first_releases_the_session()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = await SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), Long, cancellationToken);

        var second = SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), Long, cancellationToken);
        await Task.Delay(300, cancellationToken);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var acquired = await second.WaitAsync(Long, cancellationToken);
        Assert.Equal(SessionKey.Main(), acquired.Key);
    }

    [Fact]
    public async Task Another_session_is_not_blocked()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var first = await SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), Long, cancellationToken);

        using var other = await SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Explicit("main", "other"), TimeSpan.Zero, cancellationToken);

        Assert.NotEqual(first.Path, other.Path);
    }

    [Fact]
    public async Task Waiting_past_the_timeout_throws_a_timeout_naming_the_session()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var key = SessionKey.Explicit("main", "busy-session");
        using var first = await SessionTurnLock.AcquireAsync(SessionsDirectory, key, Long, cancellationToken);

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            SessionTurnLock.AcquireAsync(SessionsDirectory, key, TimeSpan.FromMilliseconds(200), cancellationToken));

        Assert.Contains("agent:main:explicit:busy-session", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_the_wait()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var first = await SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), Long, cancellationToken);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var waiting = SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), Timeout.InfiniteTimeSpan, cancellation.Token);
        await Task.Delay(100, cancellationToken);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Long, cancellationToken));
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_before_taking_the_lock()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), Long, cancelled.Token));

        using var free = await SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), TimeSpan.Zero, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Concurrent_turns_on_one_session_never_overlap()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var inside = 0;
        var maxInside = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                using var held = await SessionTurnLock.AcquireAsync(SessionsDirectory, SessionKey.Main(), Long, cancellationToken);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Delay(2, cancellationToken);
                Interlocked.Decrement(ref inside);
            }
        }, cancellationToken)));

        Assert.Equal(1, maxInside);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
