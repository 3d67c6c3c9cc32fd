using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// Runs one FsCheck property over many generated inputs and keeps the figures (count, time) for the report. The seed varies
/// from run to run; a failure prints FsCheck's <c>(seed,gamma)</c>, its failing step <c>(seed,gamma,size)</c> and the input;
/// setting <c>OPENCLAW_FUZZ_REPLAY</c> to either runs the same inputs again (with a size, only the failing one).
/// </summary>
internal static class FuzzCheck
{
    /// <summary>The environment variable that pins the seed of every property, for replaying a failure.</summary>
    public const string ReplayVariable = "OPENCLAW_FUZZ_REPLAY";

    private static readonly ConcurrentQueue<string> Figures = new();

    /// <summary>
    /// Checks <paramref name="property"/> on <paramref name="count"/> generated cases; an exception it throws is a failure.
    /// <paramref name="inputsPerCase"/> is how many inputs the property derives from each case (edits of one generated answer), for the figures.
    /// </summary>
    public static void Run<T>(string name, Gen<T> generator, int count, Action<T> property, int inputsPerCase = 1)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true).WithName(name).WithEndSize(100);
        if (ReplayFromEnvironment() is { } replay)
        {
            config = config.WithReplay(FSharpOption<Replay>.Some(replay));
        }
        var stopwatch = Stopwatch.StartNew();
        Check.One(config, Prop.ForAll(Arb.From(generator), property));
        stopwatch.Stop();
        var line = string.Create(CultureInfo.InvariantCulture, $"{name}: {count} cases, {count * inputsPerCase} inputs in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Figures.Enqueue(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-figures.txt"), line + "\n");
    }

    /// <summary>The figures of every property run so far in this process.</summary>
    public static IReadOnlyCollection<string> AllFigures => Figures;

    private static Replay? ReplayFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(ReplayVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        // "seed,gamma" replays the whole run; "seed,gamma,size" (FsCheck's "replay directly at failing step") only the failing input.
        return new Replay(
            new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture)),
            parts.Length > 2 ? FSharpOption<int>.Some(int.Parse(parts[2], CultureInfo.InvariantCulture)) : FSharpOption<int>.None);
    }

    /// <summary>The text with everything outside printable ASCII spelled <c>\uXXXX</c>, so a failing input can be pasted into a test.</summary>
    public static string Show(string text)
    {
        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' || c == '\\')
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }
        return shown.ToString();
    }

    /// <summary>Bytes shown as text where they are printable ASCII, <c>\xNN</c> elsewhere.</summary>
    public static string Show(ReadOnlySpan<byte> bytes)
    {
        var shown = new StringBuilder(bytes.Length + 16);
        foreach (var b in bytes)
        {
            if (b is < (byte)' ' or > (byte)'~' || b == (byte)'\\')
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
            else
            {
                shown.Append((char)b);
            }
        }
        return shown.ToString();
    }
}

/// <summary>
/// Records a sample of the exceptions the fuzz tests provoked in <see cref="OutputLedger"/>: the first of each type and reason per
/// target (up to <see cref="PerTarget"/>), since recording every one of hundreds of thousands would only repeat the same texts.
/// </summary>
internal static class FuzzLedger
{
    public const int PerTarget = 200;

    private static readonly ConcurrentDictionary<string, int> Recorded = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, byte> Seen = new(StringComparer.Ordinal);

    public static void Record(string target, Exception exception)
    {
        var message = exception.Message;
        var shape = target + "|" + exception.GetType().FullName + "|" + message[..Math.Min(48, message.Length)];
        if (!Seen.TryAdd(shape, 0))
        {
            return;
        }
        if (Recorded.AddOrUpdate(target, 1, (_, count) => count + 1) <= PerTarget)
        {
            OutputLedger.Record("fuzz " + target, exception);
        }
    }
}
