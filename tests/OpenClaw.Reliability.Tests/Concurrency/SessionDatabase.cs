using Microsoft.Data.Sqlite;
using OpenClaw.Agent.Sessions;
using OpenClaw.Agent.Transcript;

namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>The main agent's session database as the fleet left it, inspected from the test.</summary>
public static class SessionDatabase
{
    public static string SessionsDir(CliHome home) => Path.Combine(home.StateDir, "agents", "main", "sessions");

    public static string PathOf(CliHome home) => Path.Combine(SessionsDir(home), SessionStore.FileName);

    /// <summary><c>PRAGMA integrity_check</c> on a read-only connection: "ok" for a sound database, else SQLite's findings.</summary>
    public static async Task<string> IntegrityCheckAsync(CliHome home)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = PathOf(home), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    /// <summary>Every session of the main agent: its key and its messages as (turn, role, text).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<(int Turn, string Role, string Text)>>> ReadAllAsync(CliHome home)
    {
        using var store = new SessionStore(PathOf(home));
        var sessions = new Dictionary<string, IReadOnlyList<(int Turn, string Role, string Text)>>(StringComparer.Ordinal);
        foreach (var entry in await store.ListAsync(TestContext.Current.CancellationToken))
        {
            var snapshot = await store.LoadAsync(entry.Key, TestContext.Current.CancellationToken);
            Assert.Equal(entry.MessageCount, snapshot.Messages.Count);
            Assert.Equal(Enumerable.Range(1, snapshot.Messages.Count).Select(i => (long)i), snapshot.Messages.Select(message => message.Sequence));
            for (var i = 1; i < snapshot.Messages.Count; i++)
            {
                Assert.Equal(snapshot.Messages[i - 1].Id, snapshot.Messages[i].ParentId);
            }
            sessions[entry.Key.ExplicitId ?? "main"] = [.. snapshot.Messages.Select(message =>
                (message.Turn, message.Message["role"]?.GetValue<string>() ?? "?", TranscriptMessages.TextOf(message.Message)))];
        }
        return sessions;
    }
}
