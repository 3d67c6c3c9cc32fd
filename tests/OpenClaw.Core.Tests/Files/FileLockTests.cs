using OpenClaw.Core.Errors;
using OpenClaw.Core.Files;

namespace OpenClaw.Core.Tests.Files;

public sealed class FileLockTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_held_lock_excludes_a_second_holder_until_released()
    {
        var lockPath = _directory.Combine("auth-profiles.json.lock");
        using (var first = FileLock.Acquire(lockPath, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(lockPath, first.Path);
            var error = Assert.Throws<OpenClawException>(() =>
                FileLock.Acquire(lockPath, TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken));
            Assert.Equal($"Timed out waiting for {lockPath}: another openclaw process is still writing.", error.Message);
        }

        using var second = FileLock.Acquire(lockPath, TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        Assert.True(File.Exists(lockPath));
    }

    [Fact]
    public async Task A_waiting_holder_gets_the_lock_when_it_is_released()
    {
        var lockPath = _directory.Combine("file.lock");
        var first = FileLock.Acquire(lockPath, cancellationToken: TestContext.Current.CancellationToken);
        var waiter = Task.Run(() => FileLock.Acquire(lockPath, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(waiter.IsCompleted);
        first.Dispose();

        using var second = await waiter.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(lockPath, second.Path);
    }

    [Fact]
    public void Waiting_stops_when_cancelled()
    {
        var lockPath = _directory.Combine("file.lock");
        using var held = FileLock.Acquire(lockPath, cancellationToken: TestContext.Current.CancellationToken);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => FileLock.Acquire(lockPath, Timeout.InfiniteTimeSpan, cancellation.Token));
    }

    [Fact]
    public void The_lock_file_is_private()
    {
        var lockPath = _directory.Combine("file.lock");

        using var held = FileLock.Acquire(lockPath, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(UnixModes.OwnerOnlyFile, UnixModes.Of(lockPath));
    }

    [Fact]
    public void A_missing_directory_is_reported()
    {
        var lockPath = _directory.Combine("missing", "file.lock");

        var error = Assert.Throws<OpenClawException>(() => FileLock.Acquire(lockPath, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith($"Cannot create lock file {lockPath}: ", error.Message);
    }
}
